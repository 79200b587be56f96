using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>
/// Returns sent as a client behind a load balancer sends them while nodes come and go: each return to the next node in
/// turn, with its own <c>Idempotency-Key</c>; a node that cannot be reached is passed over and the same request goes to
/// the next; a <c>503</c> or <c>409</c> ("still being processed") is retried, same key and body, until it is accepted.
/// Every answer is kept with when it came, for the test to judge.
/// </summary>
public sealed class Traffic(ClusterFixture cluster, TestAgency agency)
{
    /// <summary>How long one request may wait for its answer: longer is no answer, as a client or balancer would give up.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private readonly ConcurrentDictionary<string, Sent> _acknowledged = new();
    private int _next;
    private int _turn;

    /// <summary>Seconds since the traffic began, the clock every exchange is timed by.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    public IReadOnlyCollection<Exchange> Exchanges => _exchanges;

    /// <summary>Each acknowledged return by its idempotency key.</summary>
    public IReadOnlyDictionary<string, Sent> Acknowledged => _acknowledged;

    /// <summary><paramref name="senders"/> clients sending returns one after another to <paramref name="nodes"/> until <paramref name="stop"/>.</summary>
    public Task RunAsync(int[] nodes, int senders, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(() => SendUntilAsync(nodes, stop))));

    private async Task SendUntilAsync(int[] nodes, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && await SendAsync(nodes))
            try { await Task.Delay(150, stop); } catch (OperationCanceledException) { return; }
    }

    /// <summary>The next return (a month of its own, a key of its own), sent as <see cref="SendAsync(int[], Sent)"/> does; false when the months ran out.</summary>
    public async Task<bool> SendAsync(int[] nodes)
    {
        var n = Interlocked.Increment(ref _next) - 1;
        if (n >= TestAgency.Months) return false;
        await SendAsync(nodes, new Sent(Guid.NewGuid().ToString("N"), TestAgency.Month(n), 10_000 + n));
        return true;
    }

    /// <summary>
    /// One return, retried (while the node is unreachable, or answers 503 or 409) until it is answered otherwise or a
    /// minute has passed (a failure the test reports).
    /// </summary>
    public async Task SendAsync(int[] nodes, Sent sent)
    {
        var giveUp = Now + 60;
        while (Now < giveUp)
        {
            var node = nodes[Interlocked.Increment(ref _turn) % nodes.Length];
            var started = Now;
            using var client = cluster.Client(node, agency.Key);
            client.Timeout = RequestTimeout;
            ReturnAnswer? answer = null;
            string? failure = null;
            try { answer = await TestAgency.PostAsync(client, agency.Indicator, sent.Period, sent.Numerator, sent.Key); }
            catch (HttpRequestException e) { failure = $"unreachable: {e.Message}"; }
            catch (TaskCanceledException) { failure = $"no answer within {RequestTimeout.TotalSeconds} s"; }
            _exchanges.Enqueue(new Exchange(node, sent, started, Now, answer, failure));
            if (answer is { Accepted: true }) _acknowledged[sent.Key] = sent;
            if (answer is not null && answer.Status is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict)) return;
            // A node that is down is passed over at once; an answer asking for a retry is retried shortly.
            if (answer is not null) await Task.Delay(answer.RetryAfter is { } wait && wait < TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Writes every exchange, in the order sent, to <paramref name="path"/> (beside the nodes' logs).</summary>
    public void Save(string path, double lostAt) =>
        File.WriteAllLines(path, [$"node lost at {lostAt:F2} s", .. _exchanges.OrderBy(e => e.Started).Select(e => e.ToString())]);

    public sealed record Sent(string Key, string Period, double Numerator);

    /// <summary>One request and what came of it: an answer, or a failure to get one (<see cref="Failure"/>).</summary>
    public sealed record Exchange(int Node, Sent Sent, double Started, double Ended, ReturnAnswer? Answer, string? Failure)
    {
        public HttpStatusCode? Status => Answer?.Status;

        public override string ToString() =>
            $"{Started,7:F2}–{Ended,7:F2} s node {Node} {Sent.Period}: {(Answer is { } a ? $"{(int)a.Status}{(a.RetryAfter is { } r ? $" Retry-After {r.TotalSeconds}" : "")} {Trim(a.Body)}" : Failure)}";

        private static string Trim(string body) => body.Length > 160 ? body[..160] + "…" : body;
    }
}
