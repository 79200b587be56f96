using System.Data.Common;
using System.Text.Json;
using Dapper;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Silo.Verification;

/// <summary>Reads every stored state of one grain type, as the grains themselves deserialise it.</summary>
internal static class StoredStates
{
    public static async Task<IReadOnlyDictionary<string, T>> ReadAsync<T>(DbConnection connection, DbTransaction transaction, string grainType)
    {
        var rows = await connection.QueryAsync<(string Key, string Data)>(
            "SELECT grain_key, data FROM grain_state WHERE grain_type = @grainType", new { grainType }, transaction);
        return rows.ToDictionary(r => r.Key, r => JsonSerializer.Deserialize<T>(r.Data, GrainJson.Options)!, StringComparer.Ordinal);
    }
}
