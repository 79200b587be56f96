using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>A board's own records: commitments, Turn-the-Curve plans by indicator, the pooled fund's entries, and the commitments' cases.</summary>
public sealed class BoardState : RecordedState
{
    public List<Commitment> Commitments { get; set; } = [];
    public Dictionary<string, TurnTheCurvePlan> Plans { get; set; } = [];
    public List<FundEntry> Fund { get; set; } = [];

    /// <summary>The cost-benefit case the board states for a commitment, by the commitment's id.</summary>
    public Dictionary<string, CaseSettings> Cases { get; set; } = [];

    /// <summary>The last number given to a commitment, milestone, update or fund entry: ids are never reused.</summary>
    public int LastNumber { get; set; }

    public string NextId(string prefix) => $"{prefix}{++LastNumber}";
}
