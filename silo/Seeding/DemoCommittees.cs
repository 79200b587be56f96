namespace Scrutiny.Silo.Seeding;

/// <summary>A demo scrutiny committee and the borough whose partners and board it scrutinises.</summary>
public sealed record DemoCommittee(string Id, string Name, DemoBorough Borough);

/// <summary>
/// The demo's scrutiny committees: one for each place with a demo scrutiny member (<see cref="DemoPeople"/>), so
/// that the member's role names a committee that exists.
/// </summary>
public static class DemoCommittees
{
    public static readonly DemoCommittee Manchester = new("manchester-health-scrutiny", "Manchester Health Scrutiny Committee",
        DemoBoroughs.All.Single(b => b.Slug == "manchester"));

    public static readonly IReadOnlyList<DemoCommittee> All = [Manchester];
}
