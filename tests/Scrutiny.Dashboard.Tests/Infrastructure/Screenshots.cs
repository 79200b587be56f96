using Microsoft.Playwright;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>Full-page screenshots for people to look at, in the test output's (git-ignored) screenshots folder.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        return page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });
    }
}
