using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Scrutiny.Dashboard.Tests.Authorisation;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// The server errors <see cref="HostileInputTests"/> found, each pinned by the smallest request that made it
/// (see docs/reliability.md for the seeds and cases).
/// </summary>
public sealed class FoundByFuzzingTests(MatrixApp matrix) : IClassFixture<MatrixApp>
{
    private static HttpContent Body(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    [Theory]
    [InlineData("multipart/form-data", "_handler=x")]                              // no boundary
    [InlineData("multipart/form-data; boundary=x", "_handler=x")]                  // no part: the body ends first
    [InlineData("application/x-www-form-urlencoded", "_handler=x&answer=%00")]     // a NUL in a value
    public async Task A_post_to_a_committee_form_that_is_no_readable_form_is_refused_with_400(string contentType, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/committees/{TestPeople.Committee}") { Content = Body(body, contentType) };

        using var response = await matrix.Session(Caller.ScrutinyMember).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_with_a_body_that_is_no_readable_form_is_refused_with_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-out") { Content = Body("_handler=x", "multipart/form-data") };

        using var response = await matrix.Session(Caller.Anonymous).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/committees/" + TestPeople.Committee + "/recommendations/r1/response")]
    [InlineData("POST", "/api/v1/indicators")]
    public async Task JSON_in_a_charset_nobody_knows_is_refused_with_415(string method, string path)
    {
        using var client = new HttpClient { BaseAddress = matrix.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", matrix.Keys.Admin);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body("{}", "application/json; charset=bogus") },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/compare?indicator=%00")]
    [InlineData("/api/v1/boards?x%00=1")]
    public async Task A_query_string_holding_a_NUL_is_refused_with_400(string pathAndQuery)
    {
        using var response = await matrix.Session(Caller.Anonymous).GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("%09")]
    [InlineData("%20")]
    public async Task A_board_summary_asked_for_by_a_blank_id_is_not_found(string id)
    {
        using var client = new HttpClient { BaseAddress = matrix.App.BaseAddress };

        using var response = await client.GetAsync($"/api/v1/boards/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
