using System.Runtime.InteropServices;

namespace Scrutiny.Grains.Statistics;

/// <summary>A list of values read as a span: in place for the list or array the series code makes, copied otherwise.</summary>
internal static class Values
{
    public static ReadOnlySpan<double> AsSpan(IReadOnlyList<double> values) => values switch
    {
        double[] array => array,
        List<double> list => CollectionsMarshal.AsSpan(list),
        _ => values.ToArray(),
    };
}
