using System.Runtime.CompilerServices;

namespace Scrutiny.Grains.Contracts;

/// <summary>
/// References to string-keyed grains, made without the reflection Orleans' <c>GetGrain&lt;T&gt;(key)</c> does on every
/// call (it reads the interface's attributes and formats its name to find the interface and grain types): a batch makes
/// over a thousand references, and that reflection was 2% of the node's CPU through an import. The two types are found
/// once for each grain factory and interface, by Orleans itself, and each reference is then made from its id.
/// </summary>
public static class GrainReferences
{
    /// <summary>The grain of interface <typeparamref name="T"/> with this key: what <c>GetGrain&lt;T&gt;(key)</c> gives.</summary>
    public static T Grain<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var types = TypesOf<T>.ByFactory.GetValue(grains, static g => Types.Of((GrainReference)(object)g.GetGrain<T>("-")));
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    /// <summary>The indicator grain of a place and indicator (<see cref="IndicatorKey"/>).</summary>
    public static IIndicatorGrain IndicatorGrain(this IGrainFactory grains, string placeCode, string indicatorCode) =>
        grains.Grain<IIndicatorGrain>(IndicatorKey.For(placeCode, indicatorCode));

    // One table per interface: a silo has one grain factory, a test host a few.
    private static class TypesOf<T>
    {
        public static readonly ConditionalWeakTable<IGrainFactory, Types> ByFactory = new();
    }

    private sealed record Types(GrainType Grain, GrainInterfaceType Interface)
    {
        public static Types Of(GrainReference reference) => new(reference.GrainId.Type, reference.InterfaceType);
    }
}
