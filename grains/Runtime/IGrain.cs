namespace Scrutiny.Grains.Runtime;

/// <summary>
/// Marks a grain contract. Every method returns <see cref="Task"/> or <see cref="Task{T}"/> and takes
/// immutable arguments, as in Orleans, so that moving to Orleans later is mechanical.
/// </summary>
public interface IGrain;
