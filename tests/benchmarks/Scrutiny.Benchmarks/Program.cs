namespace Scrutiny.Benchmarks;

// Load runs that print figures (see docs/benchmarks.md):
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- [sqlite|postgres] [places] [months]
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- statistics
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- agencies
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- live [watchers] [returns]
// Not top-level statements: those would make a class named Program, and the live run hosts the dashboard's.
internal static class BenchmarkMain
{
    public static async Task<int> Main(string[] args) => args switch
    {
        ["statistics", ..] => await StatisticsRun.RunAsync(),
        ["agencies", ..] => await AgenciesRun.RunAsync(),
        ["live", ..] => await LiveRun.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 200, args.Length > 2 ? int.Parse(args[2]) : 200),
        _ => await ImportRun.RunAsync(args),
    };
}
