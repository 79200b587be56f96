using System.Net;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Security;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Agencies;

/// <summary>
/// The sign-in page's key form is one more place to guess keys: refused keys spend the address's budget as keys sent
/// to the API do, and past it no key is checked, the right one included.
/// </summary>
public sealed class KeySignInBudgetTests
{
    [Fact]
    public async Task Keys_refused_by_the_sign_in_form_spend_the_budget_and_past_it_even_the_right_key_is_not_checked()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?>
        {
            [$"{RateLimitOptions.Section}:{nameof(RateLimitOptions.FailedAuthenticationsPerMinute)}"] = "3",
        });
        var key = await SeedAsync(app);
        using var client = new FormClient(app);

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.PostFormAsync("/sign-in", "sign-in", ("api-key", $"scr_nope_{i}"));
            Assert.Contains("not one of an agency", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var right = await client.PostFormAsync("/sign-in", "sign-in", ("api-key", key));

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
        Assert.Contains("Too many API keys", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(client.HasCookie("scrutiny-agency"));
    }
}
