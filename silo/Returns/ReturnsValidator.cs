using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Checks a whole batch before anything is written and lists every problem, so that an agency fixes its file
/// once rather than one error at a time.
/// </summary>
public sealed class ReturnsValidator(SqlCatalogue catalogue, TimeProvider time)
{
    public async Task<IReadOnlyList<ReturnProblem>> ValidateAsync(string agencyCode, IReadOnlyList<ReturnRow> rows, CancellationToken cancellationToken)
    {
        var problems = new List<ReturnProblem>();
        if (rows.Count == 0)
        {
            problems.Add(new ReturnProblem(0, "returns", "empty", "The batch has no rows."));
            return problems;
        }
        var places = (await catalogue.ListPlacesAsync(cancellationToken)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var scope = await catalogue.AgencyScopeAsync(agencyCode, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        for (var i = 0; i < rows.Count; i++)
        {
            var (row, number) = (rows[i], i + 1);
            void Problem(string field, string code, string message) => problems.Add(new ReturnProblem(number, field, code, message));

            if (string.IsNullOrWhiteSpace(row.Place)) Problem("place", "required", "A place code is required.");
            else if (!places.Contains(row.Place)) Problem("place", "unknown_place", $"No place has the code '{row.Place}'.");
            else if (!scope.Places.Contains(row.Place))
                Problem("place", "not_partner", $"Agency {agencyCode} is not a partner on a board for place {row.Place}.");

            IndicatorDefinition? indicator = null;
            if (string.IsNullOrWhiteSpace(row.Indicator)) Problem("indicator", "required", "An indicator code is required.");
            else if (!indicators.TryGetValue(row.Indicator, out indicator))
                Problem("indicator", "unknown_indicator", $"No indicator has the code '{row.Indicator}'.");
            else if (!scope.Indicators.Contains(row.Indicator))
                Problem("indicator", "not_assigned", $"Indicator {row.Indicator} is not assigned to agency {agencyCode}.");

            if (string.IsNullOrWhiteSpace(row.Period)) Problem("period", "required", "A period is required.");
            else if (indicator is not null)
            {
                if (!Period.TryParse(row.Period, indicator.Frequency, out var period))
                    Problem("period", "invalid_period",
                        $"'{row.Period}' is not a {CatalogueNames.Name(indicator.Frequency)} period (write it like {Period.Example(indicator.Frequency)}).");
                else if (period.Value.Start > today)
                    Problem("period", "future_period", $"Period {row.Period} has not started yet.");
            }

            if (indicator is not null) ValueRules.Check(indicator, row.Numerator, row.Denominator, Problem);
        }
        return problems;
    }
}
