namespace Scrutiny.Dashboard.Account;

/// <summary>A signed-in person's own pages, in one place for pages, links and tests.</summary>
public static class AccountPaths
{
    public const string Password = "/account/password";

    /// <summary>Which emails the person gets; every email links here (<see cref="Scrutiny.Silo.Email.NotificationEmails"/>).</summary>
    public const string Email = Scrutiny.Silo.Email.NotificationEmails.AccountEmailPath;

    /// <summary>The change page, going on to <paramref name="returnUrl"/> once the password is changed.</summary>
    public static string PasswordThen(string returnUrl) => $"{Password}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
