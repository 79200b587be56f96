using CsCheck;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Valid values for each route parameter of the authorisation table, by name (in URL form): what the hostile
/// values start from, so that they reach past routing into the handlers.
/// </summary>
public sealed class RouteValues(IReadOnlyDictionary<string, string[]> valid)
{
    private static readonly string[] Fallback = ["1", "x"];

    public string[] ValidFor(string parameter) => valid.TryGetValue(parameter.ToLowerInvariant(), out var values) ? values : Fallback;

    /// <summary>A valid value, one near it, or anything hostile.</summary>
    public Gen<string> For(string parameter) => Gen.OneOf(ValidFor(parameter)).SelectMany(value =>
        Gen.Frequency((3, Gen.Const(value)), (3, HostileText.Near(value)), (3, HostileText.Any)));
}
