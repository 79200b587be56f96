using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Api.Indicators;

/// <summary>Checks an indicator definition field by field and reports every problem, not just the first.</summary>
public static class IndicatorBodyValidator
{
    /// <summary>Days are bounded so that a slip of the keyboard (3000 for 30) is caught: ten years is already generous.</summary>
    public const int MaxDays = 3650;

    /// <summary>The definition and schedule when the body is sound; null after reporting each problem to <paramref name="problem"/>.</summary>
    /// <param name="routeCode">The code in the URL of a PUT, which the body's code, if given, must match.</param>
    public static (IndicatorDefinition Definition, IndicatorSchedule Schedule)? Validate(
        IndicatorBody body, string? routeCode, Action<string, string, string> problem)
    {
        var before = 0;
        void Problem(string field, string code, string message) { before++; problem(field, code, message); }

        var code = routeCode ?? body.Code;
        if (string.IsNullOrWhiteSpace(code)) Problem("code", "required", "A code is required.");
        else if (!CodeRules.IsIndicatorCode(code))
            Problem("code", "invalid_code", $"'{code}' is not an indicator code: lower-case letters and digits in words joined by hyphens, at most 100 characters.");
        if (routeCode is not null && body.Code is not null && body.Code != routeCode)
            Problem("code", "mismatch", $"The body's code '{body.Code}' is not the code in the URL, '{routeCode}'.");

        var title = Text(body.Title, "title", Problem);
        var theme = Text(body.Theme, "theme", Problem);
        var unit = Name<IndicatorUnit>(body.Unit, "unit", Problem);
        var polarity = Name<Polarity>(body.Polarity, "polarity", Problem);
        var frequency = Name<Frequency>(body.Frequency, "frequency", Problem);
        var combine = Name<CombineMethod>(body.Combine, "combine", Problem);

        if (body.DueDays is < 0 or > MaxDays)
            Problem("dueDays", "out_of_range", $"dueDays must be between 0 and {MaxDays}.");
        if (body.LockDays is < 0 or > MaxDays)
            Problem("lockDays", "out_of_range", $"lockDays must be between 0 and {MaxDays}, or null for never locked.");
        if (body.Target is { } target && !double.IsFinite(target))
            Problem("target", "not_finite", "target must be a finite number, or null for none.");
        var publication = body.Publication is null ? PublicationRule.OnAcceptance : Name<PublicationRule>(body.Publication, "publication", Problem);
        if (publication == PublicationRule.DaysAfterPeriodEnd)
        {
            if (body.PublishDays is null)
                Problem("publishDays", "required", "publishDays is required when publication is days_after_period_end: how many days after a period ends its values become public.");
            else if (body.PublishDays is < 1 or > MaxDays)
                Problem("publishDays", "out_of_range", $"publishDays must be between 1 and {MaxDays}.");
        }
        else if (body.PublishDays is not null && publication is not null)
            Problem("publishDays", "not_used", $"publishDays applies only when publication is days_after_period_end, not {CatalogueNames.Name(publication.Value)}.");

        if (before > 0) return null;
        return (new IndicatorDefinition(code!, title!, theme!, unit!.Value, polarity!.Value, frequency!.Value, combine!.Value),
            new IndicatorSchedule(code!, body.DueDays ?? IndicatorSchedule.DefaultDueDays, body.LockDays, body.Target,
                publication!.Value, body.PublishDays ?? 0));
    }

    private static string? Text(string? value, string field, Action<string, string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value)) problem(field, "required", $"{field} is required.");
        else if (value.Length > CodeRules.MaxTextLength) problem(field, "too_long", $"{field} is longer than {CodeRules.MaxTextLength} characters.");
        else return value.Trim();
        return null;
    }

    private static T? Name<T>(string? value, string field, Action<string, string, string> problem) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) problem(field, "required", $"{field} is required.");
        else if (CatalogueNames.TryParse<T>(value, out var parsed)) return parsed;
        else problem(field, "not_one_of", $"'{value}' is not a {field}: use one of {string.Join(", ", CatalogueNames.Names<T>())}.");
        return null;
    }
}
