using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Email;

public static class EmailServiceExtensions
{
    /// <summary>The outbox (written with inbox notifications), its sender and the daily reminder checks (<see cref="AddEmailSending"/>).</summary>
    public static IServiceCollection AddScrutinyEmail(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton((configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions()).Checked())
        .AddSingleton<NotificationEmails>()
        .AddSingleton<OutboxStore>()
        .AddSingleton<EmailPreferences>()
        .AddSingleton<OutboxDelivery>()
        .AddSingleton<DailyEmailJobs>()
        .AddSingleton<ResponseReminders>()
        .AddSingleton<ReturnReminders>()
        .AddSingleton<DigestSections>()
        .AddSingleton<WeeklyDigest>()
        .AddSingleton<Subscriptions.PlaceSubscriptions>()
        .AddSingleton<Subscriptions.PlaceUpdates>();

    /// <summary>
    /// The sender and the reminder checks, which run only when an SMTP host is configured. Registered after the start-up
    /// that migrates the schema, so that their first look at the outbox finds its tables.
    /// </summary>
    public static IServiceCollection AddEmailSending(this IServiceCollection services) => services
        .AddHostedService<OutboxSender>()
        .AddHostedService<ReminderSchedule>();
}
