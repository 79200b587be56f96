namespace Scrutiny.Dashboard.PageCache;

/// <summary><c>Scrutiny:PageCache</c>: how long a public page's rendering is kept (<see cref="KeptPages"/>).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "Scrutiny:PageCache";

    /// <summary>
    /// At most this long, in seconds; 0 keeps nothing. One second, the bound the node's catalogue copy puts on an edit made
    /// on another node (<c>NodeCatalogue.UsableFor</c>): a change this node hears of, or a write it takes, ends a kept page
    /// at once; the bound is for what reaches the store from another node without a change on the feed.
    /// </summary>
    public double KeepForSeconds { get; set; } = 1;

    public TimeSpan KeepFor => TimeSpan.FromSeconds(Math.Max(0, KeepForSeconds));
}
