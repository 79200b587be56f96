using Scrutiny.Benchmarks;

// Load runs that print figures (see docs/benchmarks.md):
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- [sqlite|postgres] [places] [months]
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- statistics
return args is ["statistics", ..] ? await StatisticsRun.RunAsync() : await ImportRun.RunAsync(args);
