namespace Scrutiny.Dashboard.Datasets;

/// <summary>
/// Who publishes the figures, as dataset listings name them (<c>Scrutiny:OpenData</c>): the organisation running this
/// service and an address to write to about the data (optional; without it the listings name no address).
/// </summary>
public sealed record OpenDataOptions
{
    public string Publisher { get; init; } = "Scrutiny";

    public string? ContactEmail { get; init; }
}
