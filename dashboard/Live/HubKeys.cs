using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// The hub takes an API key as SignalR clients send one: <c>?access_token=</c> on a WebSocket (browsers cannot set
/// its headers), <c>Authorization: Bearer</c> otherwise. A key in a URL must then stay out of the logs.
/// </summary>
public static class HubKeys
{
    /// <summary>
    /// ASP.NET Core's hosting diagnostics log every request's full URL, query string included, at Information
    /// ("Request starting … ?access_token=scr_…"), before any middleware could redact it. They are held at Warning
    /// whatever the configuration says: a rule added here comes after the configuration's and wins.
    /// </summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection AddHubKeys(this IServiceCollection services, PathString hubPath) =>
        services.Configure<ApiKeyAuthenticationOptions>(ScrutinyAuth.ApiKeyScheme, o => o.QueryTokenPath = hubPath);

    public static ILoggingBuilder KeepKeysOutOfLogs(this ILoggingBuilder logging) =>
        logging.AddFilter(RequestLogCategory, LogLevel.Warning);
}
