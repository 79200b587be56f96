using System.Globalization;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>Money as the pages show it: pounds and pence from whole pence, never through a floating-point number.</summary>
public static class Money
{
    public static string Pounds(long pence)
    {
        var sign = pence < 0 ? "−" : "";
        var whole = Math.Abs(pence);
        return $"{sign}£{(whole / 100).ToString("#,0", CultureInfo.InvariantCulture)}.{whole % 100:00}";
    }
}
