using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Security;

/// <summary>What an administrator asks for in a new agency key: a label, and in how many days it expires (none: never).</summary>
public sealed record ApiKeyRequest(string? Label, int? ExpiresDays);

public enum ApiKeyIssueStatus { Created, UnknownAgency, Invalid }

public sealed record ApiKeyIssue(ApiKeyIssueStatus Status, CreatedApiKey? Key, DateTimeOffset? ExpiresAt, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// Issues an agency's key for an administrator, by the API or the dashboard, with the same rules for both: the
/// agency exists, a label fits, an expiry is 1 to <see cref="ApiKeyStore.MaxExpiryDays"/> days away.
/// </summary>
public sealed class ApiKeyAdministration(ApiKeyStore keys, ICatalogueReader catalogue, TimeProvider time)
{
    public async Task<ApiKeyIssue> IssueAsync(string agencyCode, ApiKeyRequest request, string actor, CancellationToken cancellationToken = default)
    {
        if (await catalogue.FindAgencyAsync(agencyCode, cancellationToken) is null)
            return new ApiKeyIssue(ApiKeyIssueStatus.UnknownAgency, null, null, []);
        var problems = Check(request);
        if (problems.Count > 0) return new ApiKeyIssue(ApiKeyIssueStatus.Invalid, null, null, problems);
        var expires = request.ExpiresDays is { } days ? time.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var key = await keys.CreateAsync(new NewApiKey(agencyCode, IsAdmin: false, request.Label, expires), actor, cancellationToken);
        return new ApiKeyIssue(ApiKeyIssueStatus.Created, key, expires, []);
    }

    public static IReadOnlyList<FieldProblem> Check(ApiKeyRequest request)
    {
        var problems = new List<FieldProblem>();
        if (request.Label?.Trim() is { Length: > ApiKeyStore.MaxLabelLength })
            problems.Add(new FieldProblem("label", "too_long", $"The label must be {ApiKeyStore.MaxLabelLength} characters or fewer"));
        if (request.ExpiresDays is < 1 or > ApiKeyStore.MaxExpiryDays)
            problems.Add(new FieldProblem("expiresDays", "out_of_range", $"The number of days must be between 1 and {ApiKeyStore.MaxExpiryDays}"));
        return problems;
    }
}
