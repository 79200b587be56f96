using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Boards;

namespace Scrutiny.Silo.Committees;

public static class CommitteeServiceExtensions
{
    /// <summary>Committees' stores, rules and services (residents' submissions among them); the inbox as the notification seam; the board meeting view's recommendations.</summary>
    public static IServiceCollection AddScrutinyCommittees(this IServiceCollection services) => services
        .AddSingleton<CommitteeStore>()
        .AddSingleton<RecommendationStore>()
        .AddSingleton<QuestionStore>()
        .AddSingleton<InboxStore>()
        .AddSingleton<CommitteeRules>()
        .AddSingleton<CommitteeChanges>()
        .AddSingleton<INotificationSink, InboxNotificationSink>()
        .AddSingleton<CommitteeWork>()
        .AddSingleton<RecommendationRegister>()
        .AddSingleton<CommitteeQuestions>()
        .AddSingleton<ResidentSubmissionStore>()
        .AddSingleton<ResidentSubmissions>()
        .AddSingleton<CommitteeInbox>()
        .AddSingleton<IBoardRecommendations, CommitteeBoardRecommendations>();
}
