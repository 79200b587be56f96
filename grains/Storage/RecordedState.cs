using System.Text.Json.Serialization;

namespace Scrutiny.Grains.Storage;

/// <summary>
/// Grain state that carries the rows to append with its next write (ledger entries, audit rows, status history), so
/// that the storage provider commits both in one transaction: a value is in the ledger exactly when it is in the state.
/// </summary>
public abstract class RecordedState
{
    /// <summary>Written with the next state write and emptied once it commits; never stored in the state itself.</summary>
    [JsonIgnore]
    public List<IAppendRecord> Appending { get; } = [];
}
