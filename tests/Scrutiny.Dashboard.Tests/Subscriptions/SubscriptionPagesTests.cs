using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Email.Subscriptions;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Subscriptions;

/// <summary>
/// A resident's emails about a place as a browser without JavaScript and a mail client use them, over real HTTP: ask
/// on the place's page (errors by field, the honeypot, the hourly budget), confirm through the emailed link with a
/// button (opening the link changes nothing), stop with the link's button or a mail client's one-click post (RFC 8058,
/// no cookie, no form token). No answer says whether an address was subscribed already.
/// </summary>
public sealed partial class SubscriptionPagesTests
{
    [Fact]
    public async Task A_resident_asks_confirms_with_the_button_and_stops_in_one_click()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?> { [$"{RateLimitOptions.Section}:SubscriptionRequestsPerHour"] = "2" });
        await SeedAsync(app);
        using var resident = new FormClient(app);
        var subscribe = SubscriptionPaths.Subscribe(Manchester);

        Assert.Contains($"href=\"{subscribe}\"", await ReadAsync(await resident.GetAsync($"/places/{Manchester}")));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(SubscriptionPaths.Subscribe("E99999999"))).StatusCode);

        // A mistyped address: the error names the field, costs none of the budget, and nothing is stored.
        var wrong = await ReadAsync(await resident.PostFormAsync(subscribe, "subscribe", ("email", "jo@"), ("website", "")));
        Assert.Contains("<title>Error: ", wrong);
        Assert.Contains("href=\"#email\">Enter an email address in the correct format, like name@example.com</a>", wrong);
        Assert.Contains("Enter your email address", await ReadAsync(await resident.PostFormAsync(subscribe, "subscribe", ("email", ""))));

        // A bot filling the honeypot is told what a person is, and nothing is stored or sent.
        var bot = await resident.PostFormAsync(subscribe, "subscribe", ("email", "bot@example.org"), ("website", "https://spam.example"));
        Assert.Equal((HttpStatusCode.SeeOther, SubscriptionPaths.Sent(Manchester)), (bot.StatusCode, PathOf(bot)));
        Assert.Equal(0, await CountAsync(app, "SELECT COUNT(*) FROM place_subscriptions"));

        var asked = await resident.PostFormAsync(subscribe, "subscribe", ("email", "jo@example.org"), ("website", ""));
        Assert.Equal((HttpStatusCode.SeeOther, SubscriptionPaths.Sent(Manchester)), (asked.StatusCode, PathOf(asked)));
        Assert.Contains("Check your email", await ReadAsync(await resident.GetAsync(SubscriptionPaths.Sent(Manchester))));
        // The budget (2 an hour here, the honeypot's post included) is spent: the next is refused with the wait, and stores nothing.
        var flooded = await resident.PostFormAsync(subscribe, "subscribe", ("email", "other@example.org"), ("website", ""));
        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        Assert.NotNull(flooded.Headers.RetryAfter);
        Assert.Contains("You have asked for emails 2 times in the last hour", await flooded.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(app, "SELECT COUNT(*) FROM place_subscriptions"));

        // The emailed link opens a page with a button; opening it twice confirms nothing.
        var confirm = SubscriptionPaths.ConfirmWith(Token(await QueryOneAsync<string>(app, "SELECT text_body FROM outbox_messages")));
        Assert.Contains("Confirm you want emails about Manchester", await ReadAsync(await resident.GetAsync(confirm)));
        Assert.Contains("Confirm you want emails about Manchester", await ReadAsync(await resident.GetAsync(confirm)));
        Assert.Equal(0, await CountAsync(app, "SELECT COUNT(*) FROM place_subscriptions WHERE confirmed_at IS NOT NULL"));
        var confirmed = await resident.PostFormAsync(confirm, "confirm-subscription", ("token", Token(confirm)));
        Assert.Equal((HttpStatusCode.SeeOther, SubscriptionPaths.Confirmed(Manchester)), (confirmed.StatusCode, PathOf(confirmed)));
        Assert.Contains("You will get emails about Manchester", await ReadAsync(await resident.GetAsync(SubscriptionPaths.Confirmed(Manchester))));
        Assert.Equal(1, await CountAsync(app, "SELECT COUNT(*) FROM place_subscriptions WHERE confirmed_at IS NOT NULL"));
        var used = await resident.GetAsync(confirm);
        Assert.Equal(HttpStatusCode.Gone, used.StatusCode);
        Assert.Contains("This link does not work", await used.Content.ReadAsStringAsync());
        foreach (var junk in new[] { "/subscriptions/confirm", "/subscriptions/confirm?token=%3Cscript%3E", "/subscriptions/confirm?token=" + new string('a', 43) })
            Assert.Equal(HttpStatusCode.Gone, (await resident.GetAsync(junk)).StatusCode);

        // Each update email carries a link to stop (written by PlaceUpdates; made here the same way).
        var id = await QueryOneAsync<long>(app, "SELECT id FROM place_subscriptions");
        var unsubscribe = SubscriptionPaths.UnsubscribeWith(await AddUnsubscribeTokenAsync(app, id));
        var page = await ReadAsync(await resident.GetAsync(unsubscribe));
        Assert.Contains("Stop emails about Manchester", page);
        Assert.Contains($"action=\"{unsubscribe}\"", WebUtility.HtmlDecode(page));
        Assert.Equal(1, await CountAsync(app, "SELECT COUNT(*) FROM place_subscriptions"));

        // A mail client's one click: no cookie, no antiforgery token, just the body RFC 8058 names.
        using var mailClient = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var oneClick = await mailClient.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(0, await CountAsync(app, "SELECT COUNT(*) FROM place_subscriptions"));
        Assert.Equal(0, await CountAsync(app, "SELECT COUNT(*) FROM subscription_tokens"));
        Assert.Equal(HttpStatusCode.OK, (await mailClient.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await resident.GetAsync(unsubscribe)).StatusCode);
        Assert.Equal(1, await CountAsync(app, "SELECT COUNT(*) FROM audit_log WHERE action = 'subscription_ended' AND detail LIKE '%one_click%'"));
    }

    [Fact]
    public async Task The_pages_button_stops_the_emails_and_says_so()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        using var resident = new FormClient(app);
        Assert.Empty(await app.Get<PlaceSubscriptions>().RequestAsync(Manchester, "sam@example.org"));
        Assert.NotNull(await app.Get<PlaceSubscriptions>().ConfirmAsync(Token(await QueryOneAsync<string>(app, "SELECT text_body FROM outbox_messages"))));
        var unsubscribe = SubscriptionPaths.UnsubscribeWith(await AddUnsubscribeTokenAsync(app, await QueryOneAsync<long>(app, "SELECT id FROM place_subscriptions")));

        // The page's button posts no fields at all.
        var stopped = await resident.SendAsync(new HttpRequestMessage(HttpMethod.Post, unsubscribe) { Content = new FormUrlEncodedContent([]) });
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        var ended = PathOf(stopped);
        Assert.Equal($"{SubscriptionPaths.Ended}?place={Manchester}", ended);
        var page = await ReadAsync(await resident.GetAsync(ended));
        Assert.Contains("You will get no more emails", page);
        Assert.Contains("about Manchester", page);
        Assert.Equal(0, await CountAsync(app, "SELECT COUNT(*) FROM place_subscriptions"));

        // Again, or with a token of nobody's making: back to the link's page, which says it does not work; nothing echoed.
        var again = await resident.SendAsync(new HttpRequestMessage(HttpMethod.Post, unsubscribe) { Content = new FormUrlEncodedContent([]) });
        Assert.Equal(unsubscribe, PathOf(again));
        var forged = await resident.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/subscriptions/unsubscribe?token=%3Cscript%3E"));
        Assert.Equal(SubscriptionPaths.Unsubscribe, PathOf(forged));
        var dead = await resident.GetAsync(SubscriptionPaths.Unsubscribe);
        Assert.Equal(HttpStatusCode.Gone, dead.StatusCode);
        Assert.Contains("This link does not work", await dead.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<script>", await (await resident.GetAsync($"{SubscriptionPaths.Ended}?place=%3Cscript%3E")).Content.ReadAsStringAsync());
        // A body that is no form (multipart without its boundary, as the fuzzer sent): 400, never a 500.
        var broken = new StringContent("--x\r\n", System.Text.Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data");
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.SendAsync(new HttpRequestMessage(HttpMethod.Post, unsubscribe) { Content = broken })).StatusCode);
    }

    private static async Task<string> AddUnsubscribeTokenAsync(DashboardApp app, long subscriptionId)
    {
        var token = SubscriptionTokens.New();
        var database = app.Get<Database>();
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await PlaceSubscriptions.AddTokenAsync(connection, transaction, database.Engine, token, subscriptionId, PlaceSubscriptions.UnsubscribePurpose,
                DateTimeOffset.UtcNow, null, CancellationToken.None);
            return 0;
        });
        return token;
    }

    /// <summary>Where a redirect leads, as a path: Blazor writes absolute addresses, minimal APIs what they were given.</summary>
    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    private static async Task<long> CountAsync(DashboardApp app, string sql) => await QueryOneAsync<long>(app, sql);

    private static async Task<T> QueryOneAsync<T>(DashboardApp app, string sql)
    {
        await using var connection = await app.Get<Database>().OpenAsync();
        return await connection.QuerySingleAsync<T>(sql);
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Token(string text) => LinkToken().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No link: " + text);

    [GeneratedRegex("token=([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkToken();
}
