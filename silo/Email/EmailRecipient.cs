using System.Data.Common;
using Dapper;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.People;

namespace Scrutiny.Silo.Email;

/// <summary>A person an email goes to.</summary>
public sealed record EmailRecipient(long PersonId, string Email, string Name)
{
    /// <summary>
    /// The people who speak for <paramref name="recipient"/>, read in the caller's transaction: an agency's submitters, a
    /// board's members, a committee's members, or the one person. Disabled accounts get nothing. (An agency's API keys are
    /// in the inbox's audience but have no address.)
    /// </summary>
    public static async Task<IReadOnlyList<EmailRecipient>> ForAsync(DbConnection connection, DbTransaction transaction, Recipient recipient,
        CancellationToken cancellationToken = default)
    {
        const string Select = "SELECT DISTINCT p.id AS PersonId, p.email AS Email, p.display_name AS Name FROM people p";
        var (sql, args) = recipient.Kind switch
        {
            RecipientKind.Person when long.TryParse(recipient.Code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) =>
                ($"{Select} WHERE p.id = @id AND p.disabled_at IS NULL", (object)new { id }),
            RecipientKind.Person => ("", new { }),
            _ => ($"{Select} JOIN person_roles r ON r.person_id = p.id WHERE r.role = @role AND r.scope = @scope AND p.disabled_at IS NULL ORDER BY p.id",
                new { role = Role(recipient.Kind), scope = recipient.Code }),
        };
        if (sql.Length == 0) return [];
        return [.. await connection.QueryAsync<EmailRecipient>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken))];
    }

    private static string Role(RecipientKind kind) => kind switch
    {
        RecipientKind.Agency => PersonRole.AgencySubmitter,
        RecipientKind.Board => PersonRole.BoardMember,
        RecipientKind.Committee => PersonRole.ScrutinyMember,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
