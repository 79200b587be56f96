using Npgsql;
using NpgsqlTypes;

namespace Scrutiny.Silo.Store;

/// <summary>The nullable columns of a COPY into the ledger: a value, or NULL.</summary>
public static class BinaryImportColumns
{
    public static Task WriteOrNullAsync(this NpgsqlBinaryImporter copy, double? value) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Double) : copy.WriteNullAsync();

    public static Task WriteOrNullAsync(this NpgsqlBinaryImporter copy, string? value) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Text) : copy.WriteNullAsync();
}
