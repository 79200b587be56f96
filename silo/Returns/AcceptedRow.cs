namespace Scrutiny.Silo.Returns;

/// <summary>A row of a batch that passed validation, numbered as the submitter counts.</summary>
public sealed record AcceptedRow(int Row, string Place, string Indicator, string Period, double Numerator, double? Denominator, string? Note);
