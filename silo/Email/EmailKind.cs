namespace Scrutiny.Silo.Email;

/// <summary>The kinds of email the product sends; each person chooses which they get (<c>/account/email</c>).</summary>
public enum EmailKind
{
    /// <summary>Something asked of you or answered to you: an inbox notification (a recommendation or question to your agency or board, a response to your committee).</summary>
    Notification,

    /// <summary>A response or answer you owe is due within a week, or overdue.</summary>
    ResponseReminder,

    /// <summary>Your agency's returns are due within a week, or overdue.</summary>
    ReturnReminder,

    /// <summary>Once a week, for board and committee members: what changed, statuses that moved, deadlines ahead.</summary>
    WeeklyDigest,

    /// <summary>To a resident's address: confirm that it wants a place's new figures (double opt-in). Not an account's choice.</summary>
    SubscriptionConfirmation,

    /// <summary>To a resident's confirmed address: a place's figures published since the last such email. Ended by its own link, not an account's choice.</summary>
    PlaceUpdates,
}

public static class EmailKinds
{
    /// <summary>The kinds a person with an account gets and chooses among; residents' kinds are chosen by subscribing and unsubscribing.</summary>
    public static IReadOnlyList<EmailKind> ForAccounts { get; } = [EmailKind.Notification, EmailKind.ResponseReminder, EmailKind.ReturnReminder, EmailKind.WeeklyDigest];

    /// <summary>How the account page labels each kind.</summary>
    public static string Label(EmailKind kind) => kind switch
    {
        EmailKind.Notification => "Recommendations and questions",
        EmailKind.ResponseReminder => "Reminders of responses and answers due",
        EmailKind.ReturnReminder => "Reminders of returns due",
        EmailKind.WeeklyDigest => "Weekly digest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>How the account page describes each kind, under its label.</summary>
    public static string Describe(EmailKind kind) => kind switch
    {
        EmailKind.Notification => "When a committee makes a recommendation to, or asks a question of, an agency or board you speak for, and when one is answered to your committee",
        EmailKind.ResponseReminder => "When a response or answer you owe a committee is due within 7 days, and when it is overdue",
        EmailKind.ReturnReminder => "When your agency's returns are due within 7 days, and when they are overdue (for people who submit returns)",
        EmailKind.WeeklyDigest => "Once a week, for members of a scrutiny committee or partnership board: what changed in the last 7 days, and what is due in the next 14",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
