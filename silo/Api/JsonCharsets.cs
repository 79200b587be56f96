using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Scrutiny.Silo.Api;

/// <summary>
/// Refuses, with 415, a JSON body whose Content-Type names a charset .NET does not know (<c>application/json;
/// charset=bogus</c>). ASP.NET Core's JSON reading throws InvalidOperationException for one, not the
/// BadHttpRequestException it answers 400 for, so without this the client's mistake was the server's 500.
/// </summary>
public static class JsonCharsets
{
    public static IApplicationBuilder UseKnownJsonCharsets(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!context.Request.HasJsonContentType() || IsKnown(context.Request.ContentType)) return next(context);
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return context.Response.WriteAsJsonAsync(
                new { title = "Unsupported charset", status = StatusCodes.Status415UnsupportedMediaType, detail = "Send JSON as UTF-8." },
                options: null, contentType: "application/problem+json", context.RequestAborted);
        });

    /// <summary>No charset, or one the framework's JSON reading can decode (it unquotes the name as this does).</summary>
    private static bool IsKnown(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.Charset.Value is not { Length: > 0 } charset) return true;
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
