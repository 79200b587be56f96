using Microsoft.Playwright;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// Full-page screenshots (and printed PDFs) for people to look at, in the test output's (git-ignored) screenshots
/// folder, when <c>SCRUTINY_SCREENSHOTS=1</c>: nothing checks them, and drawing and encoding a whole page took about a
/// sixth of Chromium's CPU time in the page tests.
/// </summary>
public static class Screenshots
{
    public const string Variable = "SCRUTINY_SCREENSHOTS";

    private static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static bool Wanted { get; } = Environment.GetEnvironmentVariable(Variable) == "1";

    public static Task SaveAsync(IPage page, string name)
    {
        if (!Wanted) return Task.CompletedTask;
        Directory.CreateDirectory(Folder);
        return page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });
    }

    /// <summary>Keeps <paramref name="bytes"/> (a printed PDF, say) in the same folder under the same switch.</summary>
    public static Task KeepAsync(string fileName, byte[] bytes)
    {
        if (!Wanted) return Task.CompletedTask;
        Directory.CreateDirectory(Folder);
        return File.WriteAllBytesAsync(Path.Combine(Folder, fileName), bytes, TestContext.Current.CancellationToken);
    }
}
