using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.People;

namespace Scrutiny.Dashboard.Admin;

/// <summary>
/// The roles an administrator may give, as a select's options (<see cref="PersonRole"/>'s short forms), and how a role
/// reads on the pages. A committee is named in a text field beside the select, since committees are free text.
/// </summary>
public sealed class RoleChoices(IReadOnlyList<Agency> agencies, IReadOnlyList<PartnershipBoard> boards)
{
    /// <summary>The select's value for a scrutiny member, whose committee comes from the committee field.</summary>
    public const string CommitteeValue = "committee:";

    public IReadOnlyList<(string Value, string Text)> Options =>
    [
        (PersonRole.Administrator, "Administrator"),
        (CommitteeValue, "Scrutiny member of the committee named below"),
        .. boards.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => (PersonRole.Board(b.Id).ToString(), $"Board member: {b.Name}")),
        .. agencies.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (PersonRole.Agency(a.Code).ToString(), $"Submits returns for {a.Name}")),
    ];

    /// <summary>The role chosen; null when none was, or a committee was chosen without a name.</summary>
    public static PersonRole? Read(string? choice, string? committee) =>
        choice == CommitteeValue ? PersonRole.Parse(CommitteeValue + committee) : PersonRole.Parse(choice);

    public string Label(PersonRole role) => role.Kind switch
    {
        PersonRole.Administrator => "Administrator",
        PersonRole.AgencySubmitter => $"Submits returns for {agencies.FirstOrDefault(a => a.Code == role.Scope)?.Name ?? role.Scope}",
        PersonRole.BoardMember => $"Board member: {boards.FirstOrDefault(b => b.Id == role.Scope)?.Name ?? role.Scope}",
        _ => $"Scrutiny member: {role.Scope}",
    };
}
