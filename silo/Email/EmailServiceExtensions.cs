using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Email;

public static class EmailServiceExtensions
{
    /// <summary>The outbox (written with inbox notifications) and its sender and the daily reminder checks, which run only when an SMTP host is configured.</summary>
    public static IServiceCollection AddScrutinyEmail(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton((configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions()).Checked())
        .AddSingleton<NotificationEmails>()
        .AddSingleton<OutboxStore>()
        .AddSingleton<EmailPreferences>()
        .AddSingleton<OutboxDelivery>()
        .AddSingleton<DailyEmailJobs>()
        .AddSingleton<ResponseReminders>()
        .AddSingleton<ReturnReminders>()
        .AddHostedService<OutboxSender>()
        .AddHostedService<ReminderSchedule>();
}
