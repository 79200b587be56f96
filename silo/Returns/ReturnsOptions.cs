namespace Scrutiny.Silo.Returns;

/// <summary>Settings under <c>Scrutiny:Returns</c>.</summary>
public sealed class ReturnsOptions
{
    /// <summary>The largest request body accepted, in bytes; larger gets 413.</summary>
    public long MaxRequestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Requests one API key may make to the returns endpoint in a minute; more get 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// How often a node looks for accepted batches whose node died before applying them (known dead once its lease,
    /// <c>Scrutiny:Silo:NodeLeaseSeconds</c>, runs out).
    /// </summary>
    public int RecoverySweepSeconds { get; set; } = 5;
}
