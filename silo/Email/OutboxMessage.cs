namespace Scrutiny.Silo.Email;

/// <summary>
/// One email to one person, as it is written to the outbox. <paramref name="DedupeKey"/> names its cause (an inbox
/// notification and a person, a reminder and a day): writing the same key twice keeps the first. A resident's email
/// has no person but its <paramref name="SubscriptionId"/>.
/// </summary>
public sealed record OutboxMessage(
    EmailKind Kind, long? PersonId, string Recipient, string Subject, string TextBody, string HtmlBody,
    IReadOnlyDictionary<string, string> Headers, string DedupeKey, long? SubscriptionId = null);
