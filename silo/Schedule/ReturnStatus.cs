using System.Text.Json.Serialization;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Schedule;

/// <summary>
/// Where one expected return stands. Written in JSON as <c>due</c>, <c>overdue</c>, <c>submitted</c>,
/// <c>submitted_late</c> and <c>revised</c>.
/// </summary>
[JsonConverter(typeof(ReturnStatusJsonConverter))]
public enum ReturnStatus
{
    /// <summary>Not received, and the due date has not passed.</summary>
    Due,

    /// <summary>Not received, and the due date has passed.</summary>
    Overdue,

    /// <summary>Received on or before the due date, once.</summary>
    Submitted,

    /// <summary>First received after the due date, once.</summary>
    SubmittedLate,

    /// <summary>Received and corrected since: more than one revision (whether it was on time says <c>onTime</c>).</summary>
    Revised,
}

/// <summary>The catalogue's snake_case names, so that the API and the pages say the same words.</summary>
public sealed class ReturnStatusJsonConverter() : JsonStringEnumConverter<ReturnStatus>(new CatalogueNames.JsonPolicy(), allowIntegerValues: false);
