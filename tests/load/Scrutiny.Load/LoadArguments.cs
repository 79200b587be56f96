namespace Scrutiny.Load;

/// <summary>
/// <c>&lt;scenario&gt; [--quick] [--seed N] [--engine postgres|sqlite] [--store-pool N] [--keep-pages S]</c>. The engine is
/// PostgreSQL when <c>SCRUTINY_TEST_POSTGRES</c> is set (an admin connection string), SQLite otherwise. <c>--store-pool</c>
/// sets the product's <c>Scrutiny:Store:MaxPoolSize</c> (its default, 20, otherwise), as an operator sizes it for a node;
/// <c>--keep-pages</c> its <c>Scrutiny:PageCache:KeepForSeconds</c> (its default, 1, otherwise; 0 keeps no page).
/// </summary>
public sealed record LoadArguments(string Scenario, bool Quick, int Seed, StoreKind Engine, int? StorePool, double? KeepPagesSeconds = null)
{
    public static readonly IReadOnlyList<string> Scenarios = ["ingest", "deadline", "pages", "memory", "all"];

    public const string Usage =
        "usage: Scrutiny.Load <ingest|deadline|pages|memory|all> [--quick] [--seed N] [--engine postgres|sqlite] [--store-pool N] [--keep-pages S]";

    public static LoadArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Scenarios.Contains(args[0])) return null;
        var (quick, seed, pool, keep) = (false, 16, (int?)null, (double?)null);
        var engine = LoadDatabase.PostgresAdmin is null ? StoreKind.Sqlite : StoreKind.Postgres;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--seed" when i + 1 < args.Count && int.TryParse(args[i + 1], out var s): seed = s; i++; break;
                case "--store-pool" when i + 1 < args.Count && int.TryParse(args[i + 1], out var p) && p > 0: pool = p; i++; break;
                case "--keep-pages" when i + 1 < args.Count && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var k) && k >= 0:
                    keep = k; i++; break;
                case "--engine" when i + 1 < args.Count && args[i + 1] is "postgres" or "sqlite":
                    engine = args[++i] == "postgres" ? StoreKind.Postgres : StoreKind.Sqlite; break;
                default: return null;
            }
        }
        if (engine == StoreKind.Postgres && LoadDatabase.PostgresAdmin is null) return null;
        return new LoadArguments(args[0], quick, seed, engine, pool, keep);
    }

    public bool Runs(string scenario) => Scenario == scenario || Scenario == "all";
}

public enum StoreKind { Postgres, Sqlite }
