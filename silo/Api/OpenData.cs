namespace Scrutiny.Silo.Api;

/// <summary>
/// Marks a read of published data that anyone may make without a key (<see cref="EndpointConventions.ForAnyone"/>):
/// the rate limiter gives such a caller a budget per address, <see cref="ConditionalGets"/> gives its answers
/// validators, the OpenAPI document says no key is needed, and the CORS policy <see cref="OpenDataCors.Policy"/> lets
/// any web page read it.
/// </summary>
public sealed class OpenData
{
    public static readonly OpenData Read = new();

    private OpenData() { }
}
