using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>Releases an indicator's period through the real API, as an administrator would.</summary>
public static class Releases
{
    public static async Task PostAsync(DashboardApp app, string adminKey, string indicator, string period)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", adminKey);
        using var response = await client.PostAsJsonAsync($"/api/v1/indicators/{indicator}/releases", new { period });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
