using System.Text;

namespace Scrutiny.Dashboard.Tests.Calendars;

/// <summary>One content line of an iCalendar object, unfolded: its name, its parameters as written, its value unescaped.</summary>
public sealed record IcsProperty(string Name, string Parameters, string Value);

/// <summary>A VEVENT's properties; <see cref="this"/> is the one property of that name.</summary>
public sealed record IcsEvent(IReadOnlyList<IcsProperty> Properties)
{
    public string this[string name] => Properties.Single(p => p.Name == name).Value;

    public IcsProperty Property(string name) => Properties.Single(p => p.Name == name);

    public DateOnly Start => DateOnly.ParseExact(this["DTSTART"], "yyyyMMdd");
}

/// <summary>
/// A small strict reader of what <c>IcsWriter</c> writes, so that the tests read a calendar as a calendar app would and
/// fail on anything an app could misread: every line ends with CRLF and is at most 75 octets, a folded line continues
/// with one space, the object is one VCALENDAR of VEVENTs, and a TEXT value's escapes are the RFC 5545 ones.
/// </summary>
public sealed class Ics
{
    public required IReadOnlyList<IcsProperty> Calendar { get; init; }
    public required IReadOnlyList<IcsEvent> Events { get; init; }

    public string this[string name] => Calendar.Single(p => p.Name == name).Value;

    public static Ics Parse(byte[] body)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        Assert.EndsWith("\r\n", text);
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"A line of {Encoding.UTF8.GetByteCount(line)} octets: {line}");
        }
        var lines = new List<string>();
        foreach (var line in physical)
            if (line.StartsWith(' ')) lines[^1] += line[1..];
            else lines.Add(line);

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var calendar = new List<IcsProperty>();
        var events = new List<IcsEvent>();
        List<IcsProperty>? current = null;
        foreach (var line in lines.Skip(1).SkipLast(1))
        {
            if (line == "BEGIN:VEVENT")
            {
                Assert.Null(current);
                current = [];
                continue;
            }
            if (line == "END:VEVENT")
            {
                Assert.NotNull(current);
                events.Add(new IcsEvent(current));
                current = null;
                continue;
            }
            (current ?? calendar).Add(Property(line));
        }
        Assert.Null(current);
        return new Ics { Calendar = calendar, Events = events };
    }

    private static IcsProperty Property(string line)
    {
        // The name and parameters end at the first colon outside a quoted parameter value; ours quote none.
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        Assert.True(colon > 0, $"No value in: {line}");
        var head = line[..colon];
        var semicolon = head.IndexOf(';', StringComparison.Ordinal);
        var name = semicolon < 0 ? head : head[..semicolon];
        var parameters = semicolon < 0 ? "" : head[(semicolon + 1)..];
        return new IcsProperty(name, parameters, Unescape(line[(colon + 1)..]));
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // An unescaped comma or semicolon would split a TEXT value into a list.
            Assert.False(c is ',' or ';', $"An unescaped '{c}' in: {value}");
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            Assert.True(i + 1 < value.Length, $"A lone backslash ends: {value}");
            text.Append(value[++i] switch
            {
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                'n' or 'N' => '\n',
                var other => throw new Xunit.Sdk.XunitException($"An unknown escape \\{other} in: {value}"),
            });
        }
        return text.ToString();
    }
}
