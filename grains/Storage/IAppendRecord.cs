namespace Scrutiny.Grains.Storage;

/// <summary>
/// A row the store writes in the same transaction as a grain's state, such as a returns ledger entry. The storage
/// provider knows how to persist each kind; the grain only says what to append.
/// </summary>
public interface IAppendRecord;
