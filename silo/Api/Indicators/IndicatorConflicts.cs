using Microsoft.AspNetCore.Http;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Indicators;

/// <summary>The 409 for an indicator save the store refused, naming every indicator and why.</summary>
public static class IndicatorConflicts
{
    public static IResult Result(CatalogueWriter.IndicatorsSaved saved)
    {
        if (saved.AlreadyExist.Count > 0)
            return ApiResults.Conflict("The indicator exists already.",
                $"Indicator(s) {string.Join(", ", saved.AlreadyExist)} exist; PUT /api/v1/indicators/{{code}} replaces one.",
                new Dictionary<string, object?> { ["indicators"] = saved.AlreadyExist });
        if (saved.HaveReturns.Count > 0)
            return ApiResults.Conflict("The unit or frequency of an indicator with returns cannot change.",
                $"Indicator(s) {string.Join(", ", saved.HaveReturns)} have returns, which would be read in the new unit or periods; " +
                "make a new indicator instead.",
                new Dictionary<string, object?> { ["indicators"] = saved.HaveReturns });
        return ApiResults.Conflict("A single-source indicator would have several sources.",
            string.Join(" ", saved.Clashes.Select(c => $"In place {c.Place}, {string.Join(" and ", c.Agencies)} are assigned {c.Indicator}.")),
            new Dictionary<string, object?> { ["conflicts"] = saved.Clashes });
    }
}
