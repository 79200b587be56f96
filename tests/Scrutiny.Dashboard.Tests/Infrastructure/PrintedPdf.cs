using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// A page printed to PDF by headless Chromium, as a committee clerk's "save as PDF" would, checked to be a real PDF of
/// at least so many sheets (and kept beside the screenshots when they are, <see cref="Screenshots"/>).
/// </summary>
public static partial class PrintedPdf
{
    public static async Task<byte[]> SaveAsync(IPage page, string name, int atLeastPages)
    {
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        await Screenshots.KeepAsync($"{name}.pdf", pdf);

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        // Chromium writes each sheet as a /Type /Page object (the page tree is /Type /Pages).
        var pages = PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;
        Assert.True(pages >= atLeastPages, $"{pages} pages, expected at least {atLeastPages}");
        Assert.True(pdf.Length > 20_000, $"{pdf.Length} bytes");
        return pdf;
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
