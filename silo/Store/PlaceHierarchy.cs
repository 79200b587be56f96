using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Store;

/// <summary>
/// The catalogue's places by code and by parent, made once for each copy of the catalogue rather than for each
/// comparison: a scorecard compares each of its 100 indicators with the place's parent and England, and England's
/// value may be made from every authority's.
/// </summary>
public sealed class PlaceHierarchy
{
    private readonly Dictionary<string, PlaceChildren> _children;

    public PlaceHierarchy(IReadOnlyList<Place> places)
    {
        All = places;
        ByCode = places.ToDictionary(p => p.Code, StringComparer.Ordinal);
        _children = places.Where(p => p.ParentCode is not null).GroupBy(p => p.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new PlaceChildren([.. g.Select(p => p.Code)]), StringComparer.Ordinal);
    }

    /// <summary>Every place, in the catalogue's order (by name).</summary>
    public IReadOnlyList<Place> All { get; }

    public IReadOnlyDictionary<string, Place> ByCode { get; }

    /// <summary>The places whose parent is <paramref name="code"/> (a region's authorities), in the catalogue's order.</summary>
    public PlaceChildren ChildrenOf(string code) => _children.GetValueOrDefault(code) ?? PlaceChildren.None;
}

/// <summary>A place's places, and a key that names exactly them.</summary>
public sealed class PlaceChildren(IReadOnlyList<string> codes)
{
    public static readonly PlaceChildren None = new([]);

    public IReadOnlyList<string> Codes { get; } = codes;

    /// <summary>The codes joined: a figure made from these places is kept under it, so a place moved in the catalogue makes a new one.</summary>
    public string Key { get; } = string.Join(',', codes);
}
