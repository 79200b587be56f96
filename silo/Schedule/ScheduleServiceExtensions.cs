using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Schedule;

public static class ScheduleServiceExtensions
{
    /// <summary>Deadlines, locks, reopenings and completeness, with the policies of their endpoints.</summary>
    public static IServiceCollection AddScrutinySchedule(this IServiceCollection services)
    {
        services.AddSingleton<PeriodReopenings>();
        services.AddSingleton<PeriodLocks>();
        services.AddSingleton<PeriodReopener>();
        services.AddSingleton<ReturnsExpectations>();
        services.AddSingleton<Completeness>();
        services.AddScheduleAuth();
        return services;
    }
}
