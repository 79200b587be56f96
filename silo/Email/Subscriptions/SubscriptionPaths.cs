namespace Scrutiny.Silo.Email.Subscriptions;

/// <summary>The dashboard's addresses that residents' emails link to (the emails are written here, the pages there).</summary>
public static class SubscriptionPaths
{
    public static string Place(string placeCode) => $"/places/{Uri.EscapeDataString(placeCode)}";

    public static string Subscribe(string placeCode) => $"{Place(placeCode)}/subscribe";

    /// <summary>"Check your email", after asking.</summary>
    public static string Sent(string placeCode) => $"{Subscribe(placeCode)}/sent";

    /// <summary>"You will get emails", after confirming.</summary>
    public static string Confirmed(string placeCode) => $"{Subscribe(placeCode)}/confirmed";

    /// <summary>"You will get no more emails", after ending a subscription through its page.</summary>
    public const string Ended = "/subscriptions/ended";

    public const string Confirm = "/subscriptions/confirm";

    public const string Unsubscribe = "/subscriptions/unsubscribe";

    public static string ConfirmWith(string token) => $"{Confirm}?token={token}";

    public static string UnsubscribeWith(string token) => $"{Unsubscribe}?token={token}";
}
