using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Hosting;

/// <summary>Which requests may write: any method but GET, HEAD and OPTIONS.</summary>
public static class WriteRequests
{
    public static bool MayWrite(string method) =>
        !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
}
