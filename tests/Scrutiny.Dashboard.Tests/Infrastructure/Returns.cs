using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>Submits returns through the real API, as an agency would.</summary>
public static class Returns
{
    public static async Task PostAsync(DashboardApp app, string apiKey, params object[] returns)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        using var response = await client.PostAsJsonAsync("/api/v1/returns", new { returns });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// One return with an <c>Idempotency-Key</c>, as a client that retries until it gets an answer sends it: the
    /// answer, whatever it is, is the caller's to judge.
    /// </summary>
    public static async Task<HttpResponseMessage> PostKeyedAsync(HttpClient agency, string idempotencyKey, object row)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/returns") { Content = JsonContent.Create(new { returns = new[] { row } }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await agency.SendAsync(request, CancellationToken.None);
    }
}
