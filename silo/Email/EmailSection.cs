namespace Scrutiny.Silo.Email;

/// <summary>A link in an email, by the words that say where it goes and its full address.</summary>
public sealed record EmailLink(string Text, string Address);

/// <summary>An item of a section's list; with a link, the item's words are the link's (they say what it leads to).</summary>
public sealed record EmailItem(string Text, string? Link = null);

/// <summary>
/// A part of an email's body: a heading (none for the part under the greeting; <see cref="Level"/> 2 or 3, as the
/// HTML's h2 and h3), paragraphs, a list, and a link after them.
/// </summary>
public sealed record EmailSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<EmailItem> Items, EmailLink? Link = null, int Level = 2)
{
    /// <summary>The one part of a reminder or notification: paragraphs, a list of plain items if any, and its link.</summary>
    public static EmailSection Single(IReadOnlyList<string> paragraphs, IReadOnlyList<string>? list, EmailLink link) =>
        new(null, paragraphs, [.. (list ?? []).Select(i => new EmailItem(i))], link);
}
