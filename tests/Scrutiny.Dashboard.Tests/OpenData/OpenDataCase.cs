using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Scrutiny.Dashboard.Tests.Authorisation;
using Scrutiny.Dashboard.Tests.Boards;
using Scrutiny.Dashboard.Tests.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.OpenData;

/// <summary>
/// Manchester's published account (<see cref="AccountabilityCase"/>: its board, committee, recommendations, delayed
/// discharge days published on release) with one more month of delayed discharge days accepted and not released:
/// <see cref="Unreleased"/>, a figure no other answer holds. Every open-data route of the authorisation table is filled
/// with real ids of it.
/// </summary>
public sealed partial record OpenDataCase(AccountabilityCase Accountability, string Question)
{
    public const double Unreleased = 48172;
    public const string UnreleasedText = "48172";
    public const string UnreleasedMonth = "2025-12";

    public DashboardApp App => Accountability.App;
    public BoardCase Board => Accountability.Board;

    public static async Task<OpenDataCase> SeedAsync(DashboardApp app)
    {
        var accountability = await AccountabilityCase.SeedAsync(app);
        await Returns.PostAsync(app, accountability.Board.AgencyKey, BoardCase.Days(UnreleasedMonth, Unreleased));
        using var admin = BoardCase.Client(app, accountability.Board.AdminKey);
        using var asked = await admin.PostAsJsonAsync($"/api/v1/committees/{TestPeople.Committee}/questions",
            new { text = "How many discharge-to-assess beds are open?", addressee = new { kind = "agency", code = Agency }, dueOn = "2027-01-24" });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        var question = (await asked.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        return new OpenDataCase(accountability, question);
    }

    /// <summary>Every API route the authorisation table says anyone may read (<c>/api/v1/...</c>, no method).</summary>
    public static IReadOnlyList<string> OpenRoutes() =>
    [
        .. AuthorisationTable.Rules.Where(r => r.Value == Access.Public && r.Key.StartsWith("GET /api/", StringComparison.Ordinal))
            .Select(r => r.Key["GET ".Length..]).Order(StringComparer.Ordinal),
    ];

    /// <summary>A route of the table with this case's ids in it.</summary>
    public string Fill(string route) => Parameter().Replace(route, match => match.Groups["name"].Value switch
    {
        "place" => Manchester,
        "indicator" or "code" => DelayedDays,
        "id" when route.StartsWith("/api/v1/committees", StringComparison.Ordinal) => TestPeople.Committee,
        "id" => BoardCase.Board,
        "commitment" or "subject" => Board.Discharges,
        "recommendation" => Accountability.Agreed,
        "question" => Question,
        var other => throw new InvalidOperationException($"No value for {other} in {route}"),
    });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
