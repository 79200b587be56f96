using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Small request bodies by default (Kestrel's own default is 30 MB, and forms may carry 128 MB), so that a client
/// cannot make a node buffer or parse much for nothing. Endpoints that take files raise the limit for themselves.
/// </summary>
public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, RequestLimitOptions options)
    {
        services.AddSingleton(options);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = options.MaxFormValueBytes;
            form.MultipartBodyLengthLimit = options.MaxBodyBytes;
        });
        return services;
    }
}
