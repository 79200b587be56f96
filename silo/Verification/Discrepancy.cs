namespace Scrutiny.Silo.Verification;

/// <summary>
/// One way the stored aggregates disagree with what the ledger and the append-only records say they should be.
/// </summary>
/// <param name="Check">Which rule found it: <c>ledger</c>, <c>batch</c>, <c>indicator</c>, <c>place</c>, <c>board-status</c>, <c>pooled-fund</c>.</param>
/// <param name="Subject">What it concerns, as an operator would look it up: a grain key, a batch id, a board and commitment.</param>
/// <param name="Detail">What was expected and what was found.</param>
public sealed record Discrepancy(string Check, string Subject, string Detail)
{
    public override string ToString() => $"{Check}: {Subject}: {Detail}";
}
