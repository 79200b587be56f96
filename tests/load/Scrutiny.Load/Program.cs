using Scrutiny.Load;

// England-scale load on a separate product process (issue 16): see docs/benchmarks.md, "England scale".
if (LoadArguments.Parse(args) is not { } arguments)
{
    Console.Error.WriteLine(LoadArguments.Usage);
    Console.Error.WriteLine($"(--engine postgres needs {LoadDatabase.PostgresVariable}, an admin connection string)");
    return 2;
}
return await LoadRun.RunAsync(arguments);
