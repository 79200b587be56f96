using System.Diagnostics;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real small file system (tmpfs) that a test can fill up or turn read-only under a running node, as a full or
/// failing disk would. Mounting needs root, which ./test.sh and CI have; elsewhere the test says it was skipped.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static SmallDisk Mount(int megabytes)
    {
        if (Environment.UserName != "root") Assert.Skip("mounting a small disk needs root (./test.sh and CI run as root)");
        var path = Directory.CreateTempSubdirectory("scrutiny-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Takes every free byte, as another program filling the disk would.</summary>
    public void Fill()
    {
        using var filler = new FileStream(Filler, FileMode.Create);
        var block = new byte[64 * 1024];
        try
        {
            while (true) filler.Write(block);
        }
        catch (IOException)
        {
            // No space left on the device: what we wanted.
        }
    }

    public void Free() => File.Delete(Filler);

    /// <summary>Only with nothing open for writing on it: a stopped node's pooled SQLite connections are closed first.</summary>
    public void ReadOnly()
    {
        Scrutiny.Silo.Store.GatedSqliteConnection.ClearPools();
        Run("mount", "-o", "remount,ro", Path);
    }

    /// <summary>
    /// Writable again. A node refused on the read-only disk exits in production, its connections with it; here the
    /// process lives on, and SQLite's pool can hold a connection that opened the file read-only while it was so, which
    /// the next node in this process would be lent (a full run once failed on it: "attempt to write a readonly database").
    /// </summary>
    public void ReadWrite()
    {
        Scrutiny.Silo.Store.GatedSqliteConnection.ClearPools();
        Run("mount", "-o", "remount,rw", Path);
    }

    public void Dispose()
    {
        Scrutiny.Silo.Store.GatedSqliteConnection.ClearPools();
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {error}");
    }
}
