using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Scrutiny.Silo.Tests.Reliability;

/// <summary>
/// One return as a client sent it: its key and body, the final answer it got (null if it never got one), and whether
/// it took more than one try (a crash, or the node still busy with it).
/// </summary>
internal sealed record SentReturn(string Key, long Value, string Csv, int? Status, string? Answer, bool Retried);

/// <summary>
/// An agency's client as the API asks it to behave: each return goes with its own Idempotency-Key and is retried,
/// same key and body, on a dropped connection, a 5xx, a 429 or a 409 "still being processed", until a final answer.
/// </summary>
internal sealed class CrashRoundClient(int id, HttpClient http, string apiKey, Func<Uri?> node, Func<long> nextValue)
{
    /// <summary>
    /// How long a key may go without a final answer, while a node is up to answer it, before the client gives it up as
    /// stuck. The time no node is up does not count: on a loaded machine a restart alone took over 45 s.
    /// </summary>
    public static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(45);

    public const string StillProcessing = "still being processed";

    public List<SentReturn> Sent { get; } = [];

    /// <summary>Sends one return after another until <paramref name="stopStarting"/>; the one in flight is seen through.</summary>
    public async Task RunAsync(CancellationToken stopStarting)
    {
        for (var n = 0; !stopStarting.IsCancellationRequested; n++)
        {
            var value = nextValue();
            var key = $"crash-{id}-{n}";
            var csv = Csv(value);
            var (status, answer, tries) = await SubmitUntilAnsweredAsync(key, csv);
            Sent.Add(new SentReturn(key, value, csv, status, answer, tries > 1));
        }
    }

    /// <summary>The final answer to a key, or (null, last 409) if it stayed without one for <see cref="ResolveTimeout"/>.</summary>
    public async Task<(int? Status, string? Answer, int Tries)> SubmitUntilAnsweredAsync(string key, string csv)
    {
        var tried = TimeSpan.Zero;
        string? last = null;
        var tries = 0;
        while (tried < ResolveTimeout)
        {
            if (node() is not { } address)
            {
                await Task.Delay(50);
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            tries++;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/api/v1/returns"))
                {
                    Content = new StringContent(csv, Encoding.UTF8, new MediaTypeHeaderValue("text/csv")),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
                request.Headers.Add("Idempotency-Key", key);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (!Retryable(response.StatusCode, body)) return ((int)response.StatusCode, body, tries);
                last = body;
            }
            catch (HttpRequestException) { /* the node died or is restarting */ }
            catch (TaskCanceledException) { /* the node died mid-request and the connection hung */ }
            await Task.Delay(100);
            tried += Stopwatch.GetElapsedTime(started);
        }
        return (null, last, tries);
    }

    /// <summary>One row: a value no other return uses, so the ledger shows where each one went.</summary>
    public static string Csv(long value) =>
        "place,indicator,period,numerator,denominator,note\n" +
        $"E08000003,delayed-discharge-days,{Period(value)},{value},,\n";

    // 300 months from 2000-01: every period has started, and one period collects several revisions.
    private static string Period(long value) => $"{2000 + value % 300 / 12}-{value % 12 + 1:00}";

    private static bool Retryable(HttpStatusCode status, string body) =>
        (int)status >= 500 || status == HttpStatusCode.TooManyRequests ||
        (status == HttpStatusCode.Conflict && body.Contains(StillProcessing, StringComparison.Ordinal));
}
