namespace Scrutiny.Silo.Store;

/// <summary>
/// Where the changes of the current flow come from, for the audit's "from where": the caller's IP address on a
/// request, <see cref="Cli"/> in the admin command, <see cref="System"/> for the node's own work. Carried in Orleans'
/// <see cref="RequestContext"/> so that no store method or grain call needs a parameter for it: the request context
/// travels with every grain call, so the audit rows a grain writes (through the grain storage) carry its caller's.
/// </summary>
public static class AuditSource
{
    public const string Cli = "cli";
    public const string System = "system";

    private const string Key = "scrutiny.audit-source";

    /// <summary>The current source; <see cref="System"/> where nothing set one (start-up work, timers).</summary>
    public static string Current => RequestContext.Get(Key) as string ?? System;

    /// <summary>Sets the source for the rest of the current flow (and the calls it makes), until disposed.</summary>
    public static IDisposable Use(string source)
    {
        var previous = RequestContext.Get(Key) as string;
        RequestContext.Set(Key, source);
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null) RequestContext.Remove(Key);
            else RequestContext.Set(Key, previous);
        }
    }
}
