using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// A row of a batch that passed validation, numbered as the submitter counts: its place and indicator (which grain
/// takes it) and the value as that grain is handed it, made once, not again for each time the batch is planned.
/// </summary>
public sealed record AcceptedRow(int Row, string Place, string Indicator, ReturnedValue Value);
