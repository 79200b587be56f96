namespace Scrutiny.Silo.Store;

/// <summary>The few places where SQLite and PostgreSQL SQL differ.</summary>
public static class SqlDialect
{
    public static string Apply(string sql, StoreEngine engine) => engine switch
    {
        StoreEngine.Sqlite => sql
            .Replace("@ID@", "INTEGER PRIMARY KEY AUTOINCREMENT")
            .Replace("@TIMESTAMP@", "TEXT"),
        _ => sql
            .Replace("@ID@", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
            .Replace("@TIMESTAMP@", "TIMESTAMPTZ"),
    };

    /// <summary>
    /// "<paramref name="column"/> is one of the list <paramref name="parameter"/>": PostgreSQL takes the list as one array
    /// parameter (Dapper sends it so), SQLite as one parameter a value (Dapper expands <c>IN @list</c>).
    /// </summary>
    public static string InList(string column, string parameter, StoreEngine engine) =>
        engine == StoreEngine.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>Timestamps go in as UTC; SQLite keeps them as ISO 8601 text, which sorts in time order.</summary>
    public static object Timestamp(DateTimeOffset value, StoreEngine engine) =>
        engine == StoreEngine.Sqlite ? value.ToUniversalTime().ToString("O") : value.ToUniversalTime();

    public static DateTimeOffset ReadTimestamp(object value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Cannot read a timestamp from {value.GetType().Name}."),
    };
}
