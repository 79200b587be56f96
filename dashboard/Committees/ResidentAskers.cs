using Scrutiny.Silo.Committees;

namespace Scrutiny.Dashboard.Committees;

/// <summary>How a resident's published question or suggestion names who sent it: the name they gave, if any, never more.</summary>
public static class ResidentAskers
{
    public static string Who(string? name) => name is null ? "a resident" : $"a resident, {name}";

    /// <summary>"Asked by a resident, Jo Bloggs", under a question in the committee's list.</summary>
    public static string Label(ResidentAsker resident) => $"Asked by {Who(resident.Name)}";
}
