using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>A test's own agency and indicator in Manchester (<see cref="ClusterFixture.NewAgencyAsync"/>), sending returns to any node.</summary>
public sealed class TestAgency(ClusterFixture cluster, string code, string indicator, string key)
{
    public string Code => code;
    public string Indicator => indicator;
    public string Key => key;

    /// <summary>The hub group of the indicator's changes in Manchester.</summary>
    public string Group => $"indicator:{ClusterFixture.Place}/{indicator}";

    public HttpClient Client(int node) => cluster.Client(node, key);

    /// <summary>How many months <see cref="Month"/> gives before it reaches one that has not started.</summary>
    public const int Months = 400;

    /// <summary>A month for the <paramref name="n"/>th value: January 1990 onwards, long started and never locked.</summary>
    public static string Month(int n) => n is >= 0 and < Months ? $"{1990 + n / 12}-{n % 12 + 1:D2}" : throw new ArgumentOutOfRangeException(nameof(n));

    /// <summary>One return for one month, with an <c>Idempotency-Key</c>; the answer is the caller's to judge.</summary>
    public static async Task<ReturnAnswer> PostAsync(HttpClient client, string indicatorCode, string period, double numerator, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/returns")
        {
            Content = JsonContent.Create(new { returns = new[] { new { place = ClusterFixture.Place, indicator = indicatorCode, period, numerator } } }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request, CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync();
        return new ReturnAnswer(response.StatusCode, body, response.Headers.RetryAfter?.Delta);
    }

    public async Task<ReturnAnswer> PostAsync(int node, string period, double numerator, string? idempotencyKey = null)
    {
        using var client = Client(node);
        return await PostAsync(client, indicator, period, numerator, idempotencyKey ?? Guid.NewGuid().ToString("N"));
    }

    /// <summary>The value of each period in the indicator's published series, read from <paramref name="node"/>.</summary>
    public async Task<Dictionary<string, double?>> SeriesAsync(int node)
    {
        using var client = Client(node);
        using var series = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/places/{ClusterFixture.Place}/indicators/{indicator}/series"));
        return series.RootElement.GetProperty("points").EnumerateArray().ToDictionary(
            p => p.GetProperty("period").GetString()!,
            p => p.GetProperty("value").ValueKind == JsonValueKind.Number ? p.GetProperty("value").GetDouble() : (double?)null);
    }
}

public sealed record ReturnAnswer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    public bool Accepted => Status == HttpStatusCode.OK;

    public string BatchId => JsonDocument.Parse(Body).RootElement.GetProperty("batchId").GetString()!;

    public override string ToString() => $"{(int)Status} {Body}";
}
