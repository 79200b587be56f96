using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>Idempotency keys, dry runs and the endpoint's limits over real HTTP (both engines where the store matters).</summary>
public sealed class ReturnsLimitsTests
{
    private const string Batch =
        "place,indicator,period,numerator,denominator,note\r\n" +
        "E08000003,emergency-admissions-65plus,2026-07,412,61000,\r\n" +
        "E08000003,delayed-discharge-days,2026-07,1350,,\r\n" +
        "E08000003,still-at-home-91-days,2026-Q2,81,100,first\r\n";

    /// <summary><paramref name="rows"/> valid, distinct monthly rows of delayed-discharge-days from 1990-01 on.</summary>
    private static string MonthlyRows(int rows)
    {
        var csv = new StringBuilder("place,indicator,period,numerator,denominator,note\n");
        for (var i = 0; i < rows; i++) csv.Append($"E08000003,delayed-discharge-days,{1990 + i / 12}-{i % 12 + 1:00},{100 + i},,\n");
        return csv.ToString();
    }

    /// <summary>A body of unknown length, so that HttpClient sends it chunked, without Content-Length.</summary>
    private sealed class ChunkedCsv(byte[] bytes) : HttpContent
    {
        public ChunkedCsv(string text) : this(Encoding.UTF8.GetBytes(text)) => Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 256)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(256, bytes.Length - offset)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_identical_answer_and_is_applied_once(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);

        var first = await api.PostCsvAsync(Batch, idempotencyKey: "upload-2026-07");
        var firstBody = await first.Content.ReadAsStringAsync();
        var counts = await api.CountsAsync();
        var retry = await api.PostCsvAsync(Batch, idempotencyKey: "upload-2026-07");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((3, 0, 0, false), await ReturnsEndpoint.SummaryAsync(first));
        Assert.Equal(new StoreCounts(3, 1), counts);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal(counts, await api.CountsAsync());

        // Without the key the same body is a new batch (counted unchanged), which is what the key is there to avoid.
        var again = await api.PostCsvAsync(Batch);
        Assert.Equal((0, 0, 3, false), await ReturnsEndpoint.SummaryAsync(again));
        Assert.Equal(new StoreCounts(3, 2), await api.CountsAsync());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_rejected_batch_retried_with_its_key_gets_the_same_422(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        var bad = Batch.Replace("1350", "-1");

        var first = await api.PostCsvAsync(bad, idempotencyKey: "k1");
        var retry = await api.PostCsvAsync(bad, idempotencyKey: "k1");

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", retry.Content.Headers.ContentType?.MediaType);
        Assert.Equal([(2, "numerator", "not_whole")], await ReturnsEndpoint.ErrorsAsync(retry));
        Assert.Equal(new StoreCounts(0, 0), await api.CountsAsync());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_same_key_with_a_different_body_is_a_conflict_and_applies_nothing(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);

        var first = await api.PostCsvAsync(Batch, idempotencyKey: "upload-2026-07");
        var counts = await api.CountsAsync();
        var other = await api.PostCsvAsync(Batch.Replace("412", "415"), idempotencyKey: "upload-2026-07");
        var asJson = await api.PostJsonAsync(new { returns = new[] { new { place = "E08000003", indicator = "delayed-discharge-days", period = "2026-08", numerator = 9 } } },
            idempotencyKey: "upload-2026-07");
        var asDryRun = await api.PostCsvAsync(Batch, "?dryRun=true", idempotencyKey: "upload-2026-07");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(409, (await ReturnsEndpoint.JsonAsync(other)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, asJson.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, asDryRun.StatusCode);
        Assert.Equal(counts, await api.CountsAsync());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Concurrent_requests_with_the_same_key_apply_the_batch_once(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        var body = MonthlyRows(200); // long enough that the requests overlap

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.PostCsvAsync(body, idempotencyKey: "same-upload")));

        // One request did the work; each other either waited for nothing (409: still being processed) or came after
        // and got the identical answer.
        var answers = new List<string>();
        foreach (var response in responses)
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            if (response.StatusCode == HttpStatusCode.OK) answers.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.NotEmpty(answers);
        Assert.Single(answers.Distinct());
        Assert.Equal((200, 0, 0, false), await ReturnsEndpoint.SummaryAsync(responses.First(r => r.StatusCode == HttpStatusCode.OK)));
        Assert.Equal(new StoreCounts(200, 1), await api.CountsAsync());
        var retry = await api.PostCsvAsync(body, idempotencyKey: "same-upload");
        Assert.Equal(answers[0], await retry.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_dry_run_writes_nothing_and_answers_as_the_import_then_does(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);

        var dryFirst = await api.PostCsvAsync(Batch, "?dryRun=true");
        Assert.Equal(new StoreCounts(0, 0), await api.CountsAsync());
        var first = await api.PostCsvAsync(Batch);
        var counts = await api.CountsAsync();
        // A correction (one changed value, one changed note), one identical row and one new row.
        var second = Batch.Replace("412", "415").Replace(",first", ",revised") + "E08000003,delayed-discharge-days,2026-08,1400,,\r\n";
        var drySecond = await api.PostCsvAsync(second, "?dryRun=true");
        Assert.Equal(counts, await api.CountsAsync());
        var real = await api.PostCsvAsync(second);
        var dryBad = await api.PostCsvAsync(second.Replace("1400", "1400.5"), "?dryRun=true");

        Assert.Equal((3, 0, 0, true), await ReturnsEndpoint.SummaryAsync(dryFirst));
        Assert.Equal((3, 0, 0, false), await ReturnsEndpoint.SummaryAsync(first));
        Assert.Equal((1, 2, 1, true), await ReturnsEndpoint.SummaryAsync(drySecond));
        Assert.Equal((1, 2, 1, false), await ReturnsEndpoint.SummaryAsync(real));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dryBad.StatusCode);
        Assert.Equal([(4, "numerator", "not_whole")], await ReturnsEndpoint.ErrorsAsync(dryBad));
        Assert.Equal(new StoreCounts(6, 2), await api.CountsAsync());
    }

    private static readonly Dictionary<string, string?> SmallBodies = new() { ["Scrutiny:Returns:MaxRequestBytes"] = "2000" };

    [Theory, ClassData(typeof(Engines))]
    public async Task A_body_over_the_configured_limit_gets_413_with_or_without_content_length(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine, SmallBodies);
        var small = MonthlyRows(20);
        var large = MonthlyRows(200);
        Assert.InRange(Encoding.UTF8.GetByteCount(small), 1, 2000);
        Assert.InRange(Encoding.UTF8.GetByteCount(large), 4000, 10_000);

        var withLength = await api.PostCsvAsync(large);
        var chunkedRequest = api.Request(new ChunkedCsv(large), idempotencyKey: "chunked");
        var chunked = await api.Http.SendAsync(chunkedRequest);
        var counts = await api.CountsAsync();
        var smallChunked = await api.Http.SendAsync(api.Request(new ChunkedCsv(small), idempotencyKey: "chunked"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal("application/problem+json", withLength.Content.Headers.ContentType?.MediaType);
        Assert.Null(chunkedRequest.Content!.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(new StoreCounts(0, 0), counts);
        // The key of a request refused for its size is free again: the smaller retry is imported.
        Assert.Equal(HttpStatusCode.OK, smallChunked.StatusCode);
        Assert.Equal((20, 0, 0, false), await ReturnsEndpoint.SummaryAsync(smallChunked));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("text/csv; charset=windows-1252")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Other_media_types_get_415(string mediaType)
    {
        await using var api = await ReturnsEndpoint.StartAsync(StoreEngine.Sqlite);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Batch));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);

        var response = await api.Http.SendAsync(api.Request(content));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(new StoreCounts(0, 0), await api.CountsAsync());
    }

    [Fact]
    public async Task Past_the_rate_limit_a_key_gets_429_with_retry_after()
    {
        await using var api = await ReturnsEndpoint.StartAsync(StoreEngine.Sqlite, new Dictionary<string, string?> { ["Scrutiny:Returns:RequestsPerMinute"] = "3" });
        var other = await api.Node.CreateAgencyKeyAsync("MCC");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await api.PostCsvAsync(Batch, "?dryRun=true")).StatusCode);
        var limited = await api.PostCsvAsync(Batch);
        var otherKey = api.Request(ReturnsEndpoint.Csv(Batch), "?dryRun=true", authorise: false);
        otherKey.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", other);
        var otherAgency = await api.Http.SendAsync(otherKey);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter), 1, 60);
        Assert.Equal(new StoreCounts(0, 0), await api.CountsAsync());
        // The limit is per key: another agency's key is not held back.
        Assert.Equal(HttpStatusCode.OK, otherAgency.StatusCode);
    }

    [Fact]
    public async Task A_csv_without_a_key_gets_401_and_writes_nothing()
    {
        await using var api = await ReturnsEndpoint.StartAsync(StoreEngine.Sqlite);

        var response = await api.Http.SendAsync(api.Request(ReturnsEndpoint.Csv(Batch), authorise: false));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(new StoreCounts(0, 0), await api.CountsAsync());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_value_far_from_the_recent_history_is_imported_with_an_outlier_warning(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        var grain = api.Node.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IIndicatorGrain>(IndicatorKey.For("E08000003", "delayed-discharge-days"));
        // Twelve steady months, 2025-07 to 2026-06, straight to the grain.
        double[] steady = [1000, 1010, 990, 1005, 995, 1020, 980, 1000, 1015, 985, 1008, 992];
        await grain.SubmitAsync(new ReturnSubmission("history", "test", DateTimeOffset.UtcNow,
            [.. steady.Select((v, i) => new ReturnedValue($"{(i < 6 ? 2025 : 2026)}-{(i + 6) % 12 + 1:00}", "MFT", v, null, null))]));

        var usual = await api.PostCsvAsync("place,indicator,period,numerator,denominator\nE08000003,delayed-discharge-days,2026-07,1003,\n");
        var wild = await api.PostCsvAsync(
            "place,indicator,period,numerator,denominator\nE08000003,emergency-admissions-65plus,2026-07,412,61000\nE08000003,delayed-discharge-days,2026-08,9000,\n");

        Assert.Equal(HttpStatusCode.OK, usual.StatusCode);
        Assert.Empty((await ReturnsEndpoint.JsonAsync(usual)).GetProperty("warnings").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, wild.StatusCode);
        Assert.Equal((2, 0, 0, false), await ReturnsEndpoint.SummaryAsync(wild));
        var warning = Assert.Single((await ReturnsEndpoint.JsonAsync(wild)).GetProperty("warnings").EnumerateArray());
        Assert.Equal((2, "numerator", "outlier"),
            (warning.GetProperty("row").GetInt32(), warning.GetProperty("field").GetString(), warning.GetProperty("code").GetString()));
        Assert.Contains("9000", warning.GetProperty("message").GetString());
        Assert.Equal(15, (await api.CountsAsync()).Ledger);
    }
}
