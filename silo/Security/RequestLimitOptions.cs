namespace Scrutiny.Silo.Security;

/// <summary>
/// Settings under <c>Scrutiny:RequestLimits</c>: how large a request may be unless its endpoint says otherwise (the
/// returns API and the dashboard's upload page allow their own, larger, limit: <c>Scrutiny:Returns:MaxRequestBytes</c>).
/// </summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Scrutiny:RequestLimits";

    /// <summary>The largest request body, in bytes (Kestrel's <c>MaxRequestBodySize</c>); larger gets 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The longest single form field, in bytes: far beyond any note or description a form takes.</summary>
    public int MaxFormValueBytes { get; set; } = 64 * 1024;

}
