using Scrutiny.Silo.Seeding;

namespace Scrutiny.Silo.Tests.Seeding;

/// <summary>
/// Reads a fixture embedded in the silo assembly on its own, not through the seeder's reader, so that a fault in
/// that reader cannot hide itself.
/// </summary>
public static class PublishedFixture
{
    public static IReadOnlyList<string[]> Rows(string fileName)
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream($"Scrutiny.Fixtures.{fileName}")!;
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Select(line => line.Split(','))];
    }
}
