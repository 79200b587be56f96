namespace Scrutiny.Silo.People;

/// <summary>
/// A role a person holds, and what it is for: an administrator (no scope), an agency's submitter (the agency's
/// code), a board member (the board's id) or a scrutiny member (the committee, free text until committees exist).
/// </summary>
public sealed record PersonRole(string Kind, string Scope)
{
    public const string Administrator = "administrator";
    public const string AgencySubmitter = "agency_submitter";
    public const string BoardMember = "board_member";
    public const string ScrutinyMember = "scrutiny_member";

    // The short forms the admin command and the admin pages use: administrator, agency:MFT, board:ID, committee:ID.
    private static readonly (string Prefix, string Kind)[] ScopedForms =
        [("agency:", AgencySubmitter), ("board:", BoardMember), ("committee:", ScrutinyMember)];

    public static PersonRole Admin { get; } = new(Administrator, "");

    public static PersonRole Agency(string code) => new(AgencySubmitter, code);

    public static PersonRole Board(string id) => new(BoardMember, id);

    public static PersonRole Committee(string name) => new(ScrutinyMember, name);

    /// <summary>Reads a short form (<c>administrator</c>, <c>agency:MFT</c>, <c>board:ID</c>, <c>committee:ID</c>); null otherwise.</summary>
    public static PersonRole? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, Administrator, StringComparison.OrdinalIgnoreCase)) return Admin;
        foreach (var (prefix, kind) in ScopedForms)
            if (trimmed is not null && trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && trimmed[prefix.Length..].Trim() is { Length: > 0 } scope)
                return new PersonRole(kind, scope);
        return null;
    }

    /// <summary>The short form, as <see cref="Parse"/> reads it.</summary>
    public override string ToString() =>
        Kind == Administrator ? Administrator : $"{ScopedForms.Single(f => f.Kind == Kind).Prefix}{Scope}";
}
