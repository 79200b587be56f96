namespace Scrutiny.Dashboard.Admin;

/// <summary>The administration pages' addresses, in one place for pages, links and tests.</summary>
public static class AdminPaths
{
    public const string Home = "/admin";
    public const string Agencies = "/admin/agencies";

    public static string Agency(string code) => $"{Agencies}/{Uri.EscapeDataString(code)}";

    public static string Reopenings(string code) => $"{Agency(code)}/reopenings";

    public static string Keys(string code) => $"{Agency(code)}/keys";

    public static string RevokeKey(string code, string id) => $"{Keys(code)}/{Uri.EscapeDataString(id)}/revoke";

    public const string Audit = "/admin/audit";
    public const string AuditCsv = "/admin/audit.csv";
    public static readonly string AuditWorkbook = Silo.Tables.TableRoutes.Workbook(AuditCsv);

    public const string ComparatorGroups = "/admin/comparator-groups";
    public const string NewComparatorGroup = "/admin/comparator-groups/new";

    public static string ComparatorGroup(string id) => $"{ComparatorGroups}/{Uri.EscapeDataString(id)}";

    public const string UnitCosts = "/admin/unit-costs";
    public const string NewUnitCost = "/admin/unit-costs/new";

    public static string UnitCost(string code) => $"{UnitCosts}/{Uri.EscapeDataString(code)}";

    public const string AppraisalSettings = "/admin/appraisal-settings";

    public const string Releases = "/admin/releases";

    /// <summary>Orleans' dashboard: the cluster's silos, grains, activations and calls.</summary>
    public const string Orleans = "/admin/orleans";

    public const string People = "/admin/people";
    public const string NewPerson = "/admin/people/new";

    public static string Person(long id) => $"{People}/{id}";
}
