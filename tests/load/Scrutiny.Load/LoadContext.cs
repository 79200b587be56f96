namespace Scrutiny.Load;

/// <summary>
/// What every scenario works with (the product, its catalogue and an administrator's key) and what it reports: progress
/// and problems on standard error, figures into the one JSON summary line.
/// </summary>
public sealed class LoadContext(LoadArguments arguments, LoadSizes sizes, EnglandCatalogue catalogue, LoadDatabase database,
    ProductNode node, ProductClient client, string adminKey)
{
    private readonly List<KeyValuePair<string, object?>> _figures = [];
    private int _problems;

    public LoadSizes Sizes => sizes;
    public bool Quick => arguments.Quick;
    public int? StorePool => arguments.StorePool;
    public int Seed => arguments.Seed;
    public EnglandCatalogue Catalogue => catalogue;
    public LoadDatabase Database => database;
    public ProductNode Node => node;
    public ProductClient Client => client;
    public string AdminKey => adminKey;

    /// <summary>Something broken (an error status, a missing delivery): the run exits non-zero. Slowness is never one.</summary>
    public int Problems => _problems;

    public IReadOnlyList<KeyValuePair<string, object?>> Figures => _figures;

    public void Progress(string message) => Console.Error.WriteLine($"load: {message}");

    public void Problem(string message)
    {
        Interlocked.Increment(ref _problems);
        Console.Error.WriteLine($"load: PROBLEM: {message}");
    }

    public void Record(string name, object? value)
    {
        lock (_figures) _figures.Add(new(name, value));
    }

    public void Record(IEnumerable<KeyValuePair<string, object?>> figures)
    {
        foreach (var (name, value) in figures) Record(name, value);
    }
}
