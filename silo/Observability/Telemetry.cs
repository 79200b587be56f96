using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scrutiny.Silo.Observability;

public static class Telemetry
{
    /// <summary>The endpoint variable of the OpenTelemetry specification: set it and the node exports over OTLP.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Metrics and traces: ASP.NET Core's, the .NET runtime's, Orleans' and Scrutiny's own (<see cref="ScrutinyMetrics"/>).
    /// Exported over OTLP only when <see cref="OtlpEndpointVariable"/> is set (the standard <c>OTEL_*</c> variables
    /// configure the rest); with it unset nothing leaves the process.
    /// </summary>
    public static IHostApplicationBuilder AddScrutinyTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("scrutiny"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(ScrutinyMetrics.Name))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime")
                .AddSource("Microsoft.Orleans.Application"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable])) telemetry.UseOtlpExporter();
        return builder;
    }
}
