using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Email.Subscriptions;

/// <summary>
/// The words of the two emails a resident gets: the link to confirm a subscription, and a place's new figures. Neither
/// greets a name (a subscription has none) and neither holds an image or anything that reports its opening.
/// </summary>
public static class SubscriptionEmails
{
    public static OutboxMessage Confirmation(EmailOptions options, long subscriptionId, string email, Place place, string token, DateOnly day)
    {
        var subject = $"Confirm you want emails about new figures for {place.Name}";
        var (text, html) = EmailBody.Compose(subject, null,
        [
            $"Someone, probably you, asked for an email to this address whenever new figures for {place.Name} are published in Scrutiny.",
            $"To start getting them, confirm with the link below. It works for {PlaceSubscriptions.ConfirmDays} days.",
            "If you did not ask for this, ignore this email: you will get nothing more from us, and we delete the address after those days.",
        ], "Confirm you want these emails", options.Link(SubscriptionPaths.ConfirmWith(token)),
            $"You are getting this email because this address was entered on the page for {place.Name} in Scrutiny.");
        // At most one confirmation a day for a subscription: asking again the same day sends nothing more.
        return new OutboxMessage(EmailKind.SubscriptionConfirmation, null, email, subject, text, html, new Dictionary<string, string>(),
            $"subscription:{subscriptionId}:confirm:{DayText.Of(day)}", subscriptionId);
    }

    /// <summary>
    /// The place's figures published since the last email, one sentence each as the place page's "what changed" words
    /// it; the link to stop is in the body and in <c>List-Unsubscribe</c>, which a mail client may use in one click
    /// (RFC 8058: <c>List-Unsubscribe-Post</c>).
    /// </summary>
    public static OutboxMessage Updates(EmailOptions options, long subscriptionId, string email, Place place, IReadOnlyList<ChangeEntry> entries,
        string unsubscribeToken, string dedupeKey)
    {
        var subject = entries.Count == 1
            ? $"New figure for {place.Name}: {EmailBody.OneLine(entries[0].Title)}"
            : $"{entries.Count} new figures for {place.Name}";
        var unsubscribe = options.Link(SubscriptionPaths.UnsubscribeWith(unsubscribeToken));
        var (text, html) = EmailBody.Compose(subject, null,
            [entries.Count == 1 ? $"A new figure for {place.Name} has been published in Scrutiny." : $"{entries.Count} new figures for {place.Name} have been published in Scrutiny."],
            $"See all the figures for {place.Name}", options.Link(SubscriptionPaths.Place(place.Code)),
            $"You are getting this email because you asked for one whenever new figures for {place.Name} are published.",
            // Each sentence names its indicator and period ("… rose to 1,956 in November 2026"), as on the place page.
            [.. entries.Select(e => e.Sentence)],
            ("Stop these emails", unsubscribe));
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new OutboxMessage(EmailKind.PlaceUpdates, null, email, subject, text, html, headers, dedupeKey, subscriptionId);
    }
}
