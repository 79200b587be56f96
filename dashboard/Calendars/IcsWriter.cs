using System.Globalization;
using System.Text;

namespace Scrutiny.Dashboard.Calendars;

/// <summary>
/// Writes a <see cref="Calendar"/> as an iCalendar object (RFC 5545) to publish: one VCALENDAR of all-day VEVENTs, lines
/// ended with CRLF and folded at 75 octets (never inside a character), text escaped (<c>\\ ; , newline</c>) and stripped of
/// control characters. A UID is the event's name at the site's host, so one event is the same event however often the
/// calendar is read.
/// </summary>
public static class IcsWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ProductId = "-//Scrutiny//Scrutiny calendars//EN";

    /// <summary>An octet budget of a line, CRLF not counted (RFC 5545 section 3.1).</summary>
    private const int MaxLineOctets = 75;

    /// <param name="origin">The site's scheme and host, as the request used them.</param>
    /// <param name="now">The time: an event with no known change is stamped with the start of today, so that the calendar's
    /// bytes (and its ETag) stay the same all day.</param>
    public static byte[] Write(Calendar calendar, string origin, DateTimeOffset now)
    {
        var host = new System.Uri(origin).Host;
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, $"PRODID:{ProductId}");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, $"X-WR-CALNAME:{Text(calendar.Name)}");
        Line(ics, $"URL:{Uri(origin + calendar.PagePath)}");
        foreach (var e in calendar.Events.OrderBy(e => e.Day).ThenBy(e => e.Uid, StringComparer.Ordinal))
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:{Text($"{e.Uid}@{host}")}");
            Line(ics, $"DTSTAMP:{Instant(e.Modified ?? today)}");
            Line(ics, $"DTSTART;VALUE=DATE:{Day(e.Day)}");
            // An all-day event ends (exclusively) the next day.
            Line(ics, $"DTEND;VALUE=DATE:{Day(e.Day.AddDays(1))}");
            Line(ics, $"SUMMARY:{Text(e.Summary)}");
            Line(ics, $"DESCRIPTION:{Text(e.Description)}");
            Line(ics, $"URL:{Uri(origin + e.PagePath)}");
            Line(ics, $"SEQUENCE:{e.Sequence.ToString(CultureInfo.InvariantCulture)}");
            if (e.Modified is { } modified) Line(ics, $"LAST-MODIFIED:{Instant(modified)}");
            Line(ics, "TRANSP:TRANSPARENT");
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return new UTF8Encoding(false).GetBytes(ics.ToString());
    }

    /// <summary>A TEXT value: backslash, semicolon, comma and newline escaped; other control characters dropped.</summary>
    public static string Text(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\n': text.Append(@"\n"); break;
                case '\t': text.Append(' '); break;
                default:
                    if (!char.IsControl(c)) text.Append(c);
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>A URI value is not TEXT (no escapes): our own addresses, with any control character dropped.</summary>
    private static string Uri(string value) => string.Concat(value.Where(c => !char.IsControl(c)));

    /// <summary>Appends one content line, folded: no line longer than 75 octets, each continuation begun with a space.</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            // A surrogate pair is one character of four octets: never split.
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1;
            }
            ics.Append(line, i, length);
            octets += size;
            i += length - 1;
        }
        ics.Append("\r\n");
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
