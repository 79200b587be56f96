using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>Signs a person in to the dashboard with their email and password, through the sign-in page.</summary>
public static class PersonSession
{
    public static async Task SubmitAsync(IPage page, string email, string password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public static async Task SignInAsync(IPage page, TestPerson person)
    {
        await page.GotoAsync("/sign-in");
        await SubmitAsync(page, person.Email, person.Password);
        await Expect(page.Locator("[data-signed-in-person]")).ToBeVisibleAsync();
    }
}
