using System.Net;
using System.Text.Json;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Tests.Statistics.Spc;
using Scrutiny.Silo.Tests.Api;

namespace Scrutiny.Silo.Tests.Statistics;

/// <summary>
/// Posts an SPC fixture case as monthly returns of a test indicator (a value with the case's polarity, returned by
/// MFT for Manchester), with the case's target set through the API, so that its results can be read back.
/// </summary>
internal static class SpcCaseUnderTest
{
    public const string Manchester = "E08000003";
    public static readonly Period FirstMonth = new(Frequency.Monthly, 2023, 1);

    public static string IndicatorFor(SpcFixtures.Case c) => $"spc-{c.Name.ToLowerInvariant().Replace('_', '-')}";

    public static string PeriodOf(int point) => FirstMonth.Next(point - 1).ToString();

    public static async Task PostAsync(CatalogueApiUnderTest api, SpcFixtures.Case c)
    {
        var indicator = IndicatorFor(c);
        await api.Node.CatalogueWriter.UpsertIndicatorsAsync([new IndicatorDefinition(indicator, $"SPC case {c.Name}", "test",
            IndicatorUnit.Value, c.Polarity, Frequency.Monthly, CombineMethod.SingleSource)]);
        await api.Node.CatalogueWriter.AssignIndicatorsAsync("MFT", [indicator, "emergency-admissions-65plus", "delayed-discharge-days", "still-at-home-91-days"]);

        var points = SpcFixtures.PointsOf(c.Name);
        await api.SubmitAsync([.. points.Select(p => (object)new
        {
            place = Manchester, indicator, period = PeriodOf(p.Point), numerator = p.Value, denominator = (double?)null, note = (string?)null,
        })]);
        if (c.Target is { } target)
        {
            var response = await api.PutAsync($"/api/v1/places/{Manchester}/indicators/{indicator}/target", api.AgencyKey,
                new { value = target, reason = "The case's target" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>The cases whose options a place can set (target, and the defaults otherwise).</summary>
    public static IEnumerable<SpcFixtures.Case> SettableCases =>
        SpcFixtures.Cases.Where(c => c.Screen && c.FixAfter is null && c.RebaseAtPoints.Count == 0);

    public static string? Text(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetString();
}
