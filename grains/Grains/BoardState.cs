using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>A board's own records: commitments, Turn-the-Curve plans by indicator, the pooled fund's entries, cohorts, and the cases of its commitments and cohorts.</summary>
public sealed class BoardState : RecordedState
{
    public List<Commitment> Commitments { get; set; } = [];
    public Dictionary<string, TurnTheCurvePlan> Plans { get; set; } = [];
    public List<FundEntry> Fund { get; set; } = [];

    public List<Cohort> Cohorts { get; set; } = [];

    /// <summary>The cost-benefit case the board states for a commitment or cohort, by its id.</summary>
    public Dictionary<string, CaseSettings> Cases { get; set; } = [];

    /// <summary>The last number given to a commitment, milestone, update or fund entry: ids are never reused.</summary>
    public int LastNumber { get; set; }

    public string NextId(string prefix) => $"{prefix}{++LastNumber}";
}
