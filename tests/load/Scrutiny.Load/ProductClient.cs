using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Scrutiny.Load;

/// <summary>The product's HTTP API as its clients call it: <c>Authorization: ApiKey &lt;key&gt;</c>, JSON or CSV bodies.</summary>
public sealed class ProductClient(Uri address) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromMinutes(5),
    };

    public Uri Address => address;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content = null,
        IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        return _http.SendAsync(request, cancellationToken);
    }

    /// <summary>Sends JSON and fails, naming the request and the answer, unless the status is a success.</summary>
    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, string key, object body)
    {
        using var response = await SendAsync(method, path, key, JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static StringContent Csv(string csv) => new(csv, System.Text.Encoding.UTF8, new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" });

    public void Dispose() => _http.Dispose();
}
