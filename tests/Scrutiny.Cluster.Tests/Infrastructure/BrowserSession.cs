using System.Net;
using System.Text.RegularExpressions;

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>
/// A browser without JavaScript behind a load balancer: one cookie jar for every node, forms posted with their
/// antiforgery token. Cookies are kept by hand: the session cookie is Secure, which .NET's CookieContainer never sends
/// over the tests' plain http.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(pair[0]);
            else _cookies[pair[0]] = pair[1];
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(NodeProcess node, string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(node.Address, path)));

    /// <summary>The antiforgery token of the first form on <paramref name="path"/> as <paramref name="node"/> draws it.</summary>
    public async Task<string> AntiforgeryTokenAsync(NodeProcess node, string path)
    {
        using var response = await GetAsync(node, path);
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        return token.Success
            ? WebUtility.HtmlDecode(token.Groups["token"].Value)
            : throw new InvalidOperationException($"No form on {node.Name} {path} ({(int)response.StatusCode}): {html[..Math.Min(html.Length, 500)]}");
    }

    /// <summary>Posts the form <paramref name="formName"/> to <paramref name="path"/> on <paramref name="node"/> with <paramref name="token"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(NodeProcess node, string path, string formName, string token, params (string Name, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(node.Address, path))
        {
            Content = new FormUrlEncodedContent([new("_handler", formName), new("__RequestVerificationToken", token),
                .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
