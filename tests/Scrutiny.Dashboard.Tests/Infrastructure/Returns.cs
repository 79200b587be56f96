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
}
