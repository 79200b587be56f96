using Scrutiny.Silo.Store;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>Theory data: every store test runs on both engines.</summary>
public sealed class Engines : TheoryData<StoreEngine>
{
    public Engines()
    {
        Add(StoreEngine.Sqlite);
        Add(StoreEngine.Postgres);
    }
}
