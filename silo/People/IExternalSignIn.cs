namespace Scrutiny.Silo.People;

/// <summary>
/// The seam for an organisation's identity provider. Nothing implements OpenID Connect here; when an organisation
/// brings one, the dashboard adds its handler where <c>AgencySignIn.AddAgencySignIn</c> says, and the handler's
/// token-validated event asks this for the person behind the verified email. The person's roles then come from
/// this store, exactly as after a password (<see cref="PersonClaims"/>): the provider says who someone is, never what
/// they may do.
/// </summary>
public interface IExternalSignIn
{
    /// <summary>The enabled person with this email address, verified by the identity provider; null for no one.</summary>
    Task<Person?> FindEnabledAsync(string verifiedEmail, CancellationToken cancellationToken = default);
}
