namespace Scrutiny.Grains.Boards;

/// <summary>Money into the board's pooled fund, or out of it against a commitment.</summary>
[GenerateSerializer]
public enum FundEntryKind
{
    Contribution,
    Spend,
}

/// <summary>
/// One movement of the pooled fund, in whole pence (never a floating-point number). A contribution is an agency's
/// money into the fund; a spend is money out of it against a commitment, by the agency that spent it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundEntry(
    string Id, FundEntryKind Kind, DateOnly On, string Agency, string? Commitment, long AmountPence, string? Note,
    string RecordedBy, DateTimeOffset RecordedAt)
{
    public string FinancialYear => Boards.FinancialYear.Of(On);
}

/// <summary>A fund entry as a caller sets it.</summary>
[GenerateSerializer, Immutable]
public sealed record FundEntryDraft(FundEntryKind Kind, DateOnly On, string Agency, string? Commitment, long AmountPence, string? Note);

/// <summary>UK public-sector financial years, 1 April to 31 March, named as the catalogue names them: <c>2026/27</c>.</summary>
public static class FinancialYear
{
    public const int FirstMonth = 4;

    public static string Of(DateOnly day)
    {
        var start = day.Month >= FirstMonth ? day.Year : day.Year - 1;
        return $"{start}/{(start + 1) % 100:00}";
    }
}
