using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>Signs a person in to the dashboard with their agency's API key, through the sign-in page.</summary>
public static class AgencySession
{
    public static async Task SignInAsync(IPage page, string apiKey)
    {
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#api-key", apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with API key" }).ClickAsync();
        await Expect(page.Locator("[data-signed-in-agency]")).ToBeVisibleAsync();
    }

    /// <summary>A returns CSV file as a browser would pick it from disk.</summary>
    public static FilePayload Csv(string name, params string[] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", ["place,indicator,period,numerator,denominator,note", .. rows]) + "\r\n"),
    };
}
