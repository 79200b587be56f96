using System.Text.Json.Serialization;

namespace Scrutiny.Silo.Api;

/// <summary>A problem with one field of a request body. Array elements are named by index: <c>places[1]</c>.</summary>
public sealed record FieldProblem(string Field, string Code, string Message);

/// <summary>
/// A problem with one field of one row of a batch or an uploaded file, as the submitter counts rows: row 1 is the
/// first CSV line after the header or the first element of a JSON array; in a workbook it is the worksheet's own row
/// number, and <see cref="Sheet"/> and <see cref="Cell"/> (<c>B14</c>) say where to look. Row 0 is the file or body as a whole.
/// </summary>
public sealed record RowProblem(int Row, string Field, string Code, string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sheet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cell = null);
