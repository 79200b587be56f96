using System.Net;
using System.Text.RegularExpressions;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// An HttpClient that keeps cookies and posts the dashboard's forms with their antiforgery token, as a browser
/// without JavaScript would: many requests, no browser. Cookies are kept by hand because the session cookie is
/// Secure, which .NET's CookieContainer never sends over the tests' plain http.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public FormClient(DashboardApp app) =>
        _http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    public bool HasCookie(string name) => _cookies.ContainsKey(name);

    /// <summary>The session's cookies as a <c>Cookie</c> header, for a request sent by another client (null when none).</summary>
    public string? CookieHeader => _cookies.Count == 0 ? null : string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (CookieHeader is { } cookies) request.Headers.Add("Cookie", cookies);
        var response = await _http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            // An expired cookie (sign-out) is a deletion.
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(pair[0]);
            else _cookies[pair[0]] = pair[1];
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Opens <paramref name="path"/>, then posts its form <paramref name="formName"/> with the page's antiforgery token.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, string formName, params (string Name, string Value)[] fields) =>
        PostFormWithTokenFromAsync(path, path, formName, fields);

    /// <summary>
    /// Posts to <paramref name="path"/> with the antiforgery token of another page, <paramref name="tokenPage"/>: a
    /// person's token is good for any form, so a page that shows them no form is still posted to as a forger would.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormWithTokenFromAsync(string tokenPage, string path, string formName, params (string Name, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync(tokenPage);
        var form = new FormUrlEncodedContent([new("_handler", formName), new("__RequestVerificationToken", token),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form });
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>, good for any form of this session.</summary>
    public async Task<string> AntiforgeryTokenAsync(string page)
    {
        var html = await (await GetAsync(page)).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(TokenPattern().Match(html).Groups["token"].Value);
    }

    /// <summary>Signs in with an email and password through the sign-in page's form; the response is its redirect.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/sign-in", "sign-in-password", ("email", email), ("password", password));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
