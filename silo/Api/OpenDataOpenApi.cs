using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Api;

/// <summary>
/// What the OpenAPI document says of keys: the <c>ApiKey</c> scheme (<c>Authorization: ApiKey scr_…</c>); every keyed
/// operation requires it; every open-data read (<see cref="OpenData"/>) may be called with no key or with one, says
/// so first in its description, and, for the reads a resident starts from, shows an example answer
/// (<c>silo/Api/Examples/{operationId}.json</c>, checked against real answers by the tests).
/// </summary>
public static class OpenDataOpenApi
{
    public const string KeyScheme = "ApiKey";

    public const string NoKeyNeeded = "No key needed";

    private static string NoKeyNeededFor(int perMinute) =>
        $"{NoKeyNeeded}: anyone may read this without a key and reads published values only ({perMinute} reads a minute per " +
        "client address, a strong ETag and 304 for If-None-Match, CORS for any origin); a key reads what its role may.";

    public static OpenApiOptions AddOpenDataDescriptions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "An API key, sent as `Authorization: ApiKey scr_…`. Open-data reads need none.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var key = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, context.Document)] = [] };
            if (metadata.OfType<OpenData>().Any())
            {
                // An empty requirement is OpenAPI's way of saying "no authentication"; the key is the alternative.
                operation.Security = [new OpenApiSecurityRequirement(), key];
                var first = NoKeyNeededFor(context.ApplicationServices.GetRequiredService<RateLimitOptions>().AnonymousApiReadsPerMinute);
                operation.Description = operation.Description is { Length: > 0 } more ? $"{first}\n\n{more}" : first;
                if (operation.OperationId is { } id && Example(id) is { } example
                    && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var json) == true)
                    json.Example = example;
            }
            else if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                operation.Security = [key];
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>The example answer of an operation, if it has one.</summary>
    public static JsonNode? Example(string operationId)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Scrutiny.Silo.Api.Examples.{operationId}.json");
        return stream is null ? null : JsonNode.Parse(stream);
    }
}
