namespace Scrutiny.Silo.Store;

/// <summary>
/// Where the changes of the current async flow come from, for the audit's "from where": the caller's IP address
/// on a request, <see cref="Cli"/> in the admin command, <see cref="System"/> for the node's own work. Ambient
/// (an <see cref="AsyncLocal{T}"/>) so that no store method or grain call needs a parameter for it: a grain call
/// runs in its caller's flow, so the audit rows grains write carry it too.
/// </summary>
public static class AuditSource
{
    public const string Cli = "cli";
    public const string System = "system";

    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The current source; <see cref="System"/> where nothing set one (start-up work, timers).</summary>
    public static string Current => Ambient.Value ?? System;

    /// <summary>Sets the source for the rest of the current flow (and the flows it starts), until disposed.</summary>
    public static IDisposable Use(string source)
    {
        var previous = Ambient.Value;
        Ambient.Value = source;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
