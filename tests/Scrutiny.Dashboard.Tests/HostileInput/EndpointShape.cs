using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// One row of the authorisation table as the running app describes it: its route parameters, the query parameters
/// its handler or page reads, the body type it accepts, and for a page the names of its forms and fields.
/// </summary>
public sealed record EndpointShape(
    string Method, string Pattern, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> QueryNames,
    string? Accepts, IReadOnlyList<string> FormNames, IReadOnlyList<string> FormFields)
{
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    public bool IsPage => FormNames.Count > 0 || ComponentPage;

    private bool ComponentPage { get; init; }

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>Every endpoint of <paramref name="endpoints"/> listed in <paramref name="table"/>, one shape per method.</summary>
    public static IReadOnlyList<EndpointShape> Read(EndpointDataSource endpoints, IEnumerable<string> table)
    {
        var wanted = table.ToHashSet(StringComparer.Ordinal);
        var shapes = new List<EndpointShape>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } listed ? listed : ["*"];
            var component = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
            foreach (var method in methods.Where(m => wanted.Contains($"{m} {pattern}")))
            {
                shapes.Add(new EndpointShape(
                    method, pattern,
                    [.. endpoint.RoutePattern.Parameters.Select(p => p.Name)],
                    [.. QueryNamesOf(endpoint, component).Distinct(StringComparer.Ordinal)],
                    endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault(),
                    component is null ? [] : [.. FormNamesOf(component)],
                    component is null ? [] : [.. FormFieldsOf(component)]) { ComponentPage = component is not null });
            }
        }
        return [.. shapes.OrderBy(s => s.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>A minimal API handler's simple parameters not bound from the route, and a page's query properties.</summary>
    private static IEnumerable<string> QueryNamesOf(RouteEndpoint endpoint, Type? component)
    {
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
            foreach (var parameter in handler.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                var simple = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset)
                    || type == typeof(DateTime) || type == typeof(decimal) || type == typeof(string[]);
                var name = parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? parameter.Name;
                if (simple && name is not null && !routeNames.Contains(name)) yield return name;
            }
        if (component is null) yield break;
        foreach (var property in Properties(component))
            if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query)
                yield return query.Name ?? property.Name;
    }

    /// <summary>The page's form names: its <c>[SupplyParameterFromForm(FormName = …)]</c> and its string constants named …Form.</summary>
    private static IEnumerable<string> FormNamesOf(Type component) =>
        Properties(component).Select(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>()?.FormName).OfType<string>()
            .Concat(component.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.FlattenHierarchy)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Form", StringComparison.Ordinal) || f.Name == "FormName")
                .Select(f => f.GetRawConstantValue() as string).OfType<string>())
            .Distinct(StringComparer.Ordinal);

    /// <summary>The page's posted fields: its <c>[SupplyParameterFromForm]</c> names and a form page's field order.</summary>
    private static IEnumerable<string> FormFieldsOf(Type component)
    {
        var names = Properties(component).Select(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>() is { } form ? form.Name ?? p.Name : null)
            .OfType<string>().ToList();
        if (component.GetProperty("FieldOrder", BindingFlags.Instance | BindingFlags.NonPublic) is { } order && !component.IsAbstract
            && component.GetConstructor(Type.EmptyTypes) is not null
            && order.GetValue(Activator.CreateInstance(component)) is IEnumerable<string> fields)
            names.AddRange(fields.SelectMany(f => new[] { f, $"{f}.value", $"{f}.year", $"{f}.period" }));
        return names.Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<PropertyInfo> Properties(Type component)
    {
        for (var type = component; type is not null && type != typeof(object); type = type.BaseType)
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                yield return property;
    }
}
