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

    /// <summary>True when an OTLP endpoint is configured: only then are traces and metrics collected at all.</summary>
    public static bool IsExporting(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    /// <summary>
    /// Metrics and traces: ASP.NET Core's, the .NET runtime's, Orleans' and Scrutiny's own (<see cref="ScrutinyMetrics"/>),
    /// exported over OTLP when <see cref="OtlpEndpointVariable"/> is set (the standard <c>OTEL_*</c> variables configure
    /// the rest). With it unset nothing is collected and nothing leaves the process: a trace recorded for every grain
    /// call and request, with nowhere to go, cost the demo seed about a tenth of its time (docs/benchmarks.md).
    /// </summary>
    public static IHostApplicationBuilder AddScrutinyTelemetry(this IHostApplicationBuilder builder)
    {
        if (!IsExporting(builder.Configuration)) return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("scrutiny"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(ScrutinyMetrics.Name))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime")
                .AddSource("Microsoft.Orleans.Application"))
            .UseOtlpExporter();
        return builder;
    }
}
