namespace Scrutiny.Silo.Store;

public enum StoreEngine
{
    Sqlite,
    Postgres,
}
