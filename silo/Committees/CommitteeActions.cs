using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Committees;

/// <summary>The audit log's actions and subjects for committees' records.</summary>
public static class CommitteeActions
{
    public const string Created = "committee_created";
    public const string Updated = "committee_updated";
    public const string MeetingsSet = "committee_meetings_set";
    public const string MeetingMoved = "committee_meeting_moved";
    public const string TopicAdded = "work_programme_topic_added";
    public const string TopicUpdated = "work_programme_topic_updated";
    public const string RecommendationMade = "recommendation_made";
    public const string RecommendationResponded = "recommendation_responded";
    public const string RecommendationUpdateAdded = "recommendation_update_added";
    public const string RecommendationClosed = "recommendation_closed";
    public const string QuestionAsked = "committee_question_asked";
    public const string QuestionAnswered = "committee_question_answered";
    public const string SubmissionReceived = "resident_submission_received";
    public const string SubmissionPublished = "resident_submission_published";
    public const string SubmissionDeclined = "resident_submission_declined";
    public const string SubmissionMerged = "resident_submission_merged";
    public const string NotificationSent = "inbox_notification_sent";
    public const string NotificationRead = "inbox_notification_read";

    /// <summary>A committee's subject, named as its hub group is.</summary>
    public static string Subject(string committeeId) => ChangeGroups.Committee(committeeId);

    /// <summary>One of the committee's records: a topic, a recommendation, a question or a resident's submission (their ids never collide).</summary>
    public static string Subject(string committeeId, string recordId) => $"{ChangeGroups.Committee(committeeId)}/{recordId}";
}
