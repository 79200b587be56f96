namespace Scrutiny.Silo.Email;

/// <summary>
/// <c>Scrutiny:Email</c>: the SMTP server the outbox sends through, and how often and how hard it tries. With no
/// <see cref="SmtpOptions.Host"/> nothing is sent: messages are still written to the outbox, and wait there until a
/// node that has a server configured sends them.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Scrutiny:Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The dashboard's public address, which links in emails start with (<c>https://scrutiny.example.gov.uk</c>).</summary>
    public string SiteAddress { get; set; } = "http://localhost:5080";

    /// <summary>How often an idle sender looks for messages that are due.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long a sender holds the messages it claimed; longer than an SMTP exchange can last (<see cref="SmtpTimeoutSeconds"/>).</summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>How long one SMTP operation (connect, authenticate, send) may take before it counts as failed.</summary>
    public int SmtpTimeoutSeconds { get; set; } = 60;

    /// <summary>The wait before the first retry; each further failure doubles it, up to <see cref="MaxRetrySeconds"/>.</summary>
    public double RetrySeconds { get; set; } = 30;

    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How often each node looks whether today's reminder checks have run.</summary>
    public double ReminderCheckMinutes { get; set; } = 15;

    /// <summary>The day of the week the weekly digest is written (<see cref="WeeklyDigest"/>).</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How many messages a sender claims at a time.</summary>
    public int BatchSize { get; set; } = 20;

    public bool Configured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>Refuses settings the sender cannot work with, at start-up rather than at the first send.</summary>
    public EmailOptions Checked()
    {
        if (!Uri.TryCreate(SiteAddress, UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"{Section}:SiteAddress must be an absolute http or https address; it is '{SiteAddress}'.");
        if (PollSeconds <= 0 || ReminderCheckMinutes <= 0 || RetrySeconds <= 0 || MaxRetrySeconds < RetrySeconds || BatchSize < 1 || SmtpTimeoutSeconds < 1)
            throw new InvalidOperationException($"{Section}: PollSeconds, ReminderCheckMinutes, RetrySeconds and SmtpTimeoutSeconds must be positive, MaxRetrySeconds at least RetrySeconds, BatchSize at least 1.");
        if (!Enum.IsDefined(DigestDay))
            throw new InvalidOperationException($"{Section}:DigestDay must be a day of the week (Monday to Sunday).");
        if (ClaimSeconds <= 2 * SmtpTimeoutSeconds)
            throw new InvalidOperationException($"{Section}:ClaimSeconds must be more than twice SmtpTimeoutSeconds, so that a claim outlasts a send.");
        if (Configured && (Smtp.Port is < 1 or > 65535))
            throw new InvalidOperationException($"{Section}:Smtp:Port must be between 1 and 65535.");
        if (Configured && !System.Net.Mail.MailAddress.TryCreate(Smtp.From, out _))
            throw new InvalidOperationException($"{Section}:Smtp:From must be an email address (\"Scrutiny <scrutiny@example.gov.uk>\") when a host is set.");
        return this;
    }

    /// <summary>A link in an email: <paramref name="path"/> on the site.</summary>
    public string Link(string path) => SiteAddress.TrimEnd('/') + (path.StartsWith('/') ? path : "/" + path);
}

/// <summary><c>Scrutiny:Email:Smtp</c>: where mail goes out. No host: none is sent.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS required: on connect for port 465, by STARTTLS otherwise. False only for a relay on the same machine or network.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Sign in as this user when set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, as the From header shows it.</summary>
    public string From { get; set; } = "";
}
