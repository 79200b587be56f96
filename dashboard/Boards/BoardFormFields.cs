using System.Text.RegularExpressions;
using Scrutiny.Silo.Api;

namespace Scrutiny.Dashboard.Boards;

/// <summary>
/// Between the API's field names (<c>partners[0].agency</c>), which <see cref="Silo.Boards.BoardBodyRules"/> names its
/// problems by, and the forms' inputs (<c>partners-0-agency</c>), which error summaries link to.
/// </summary>
public static partial class BoardFormFields
{
    public static string Id(string field) => Separators().Replace(field, "-").TrimEnd('-');

    /// <summary>
    /// The problem in words for a person filling in a form (the rules' own words name JSON fields): what to enter or
    /// choose, in terms of <paramref name="noun"/> ("the title", "a due date").
    /// </summary>
    public static string Message(FieldProblem problem, string noun, bool choose) => problem.Code switch
    {
        "required" or "not_one_of" => $"{(choose ? "Choose" : "Enter")} {noun}",
        "too_long" => $"{Capitalise(noun)} must be {Number().Match(problem.Message).Value} characters or fewer",
        "invalid_date" => $"{Capitalise(noun)} must be a real date, written like 2026-09-30",
        "not_a_number" => $"{Capitalise(noun)} must be a number, such as 72.5",
        "too_precise" => $"Enter {noun} in pounds and pence, such as 1250.50",
        "zero" => $"{Capitalise(noun)} must not be £0 (a correction is a negative amount)",
        "not_allowed" => "A contribution goes into the fund as a whole: choose no commitment",
        "no_low_cost_idea" => "Give at least one idea of what works that costs nothing or little",
        _ => problem.Message,
    };

    private static string Capitalise(string noun)
    {
        // "the title" reads "The title"; "a due date", "A due date".
        return noun.Length == 0 ? noun : char.ToUpperInvariant(noun[0]) + noun[1..];
    }

    [GeneratedRegex(@"[\[\]\.]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
