namespace Scrutiny.Silo.Api;

/// <summary>A problem with one field of a request body. Array elements are named by index: <c>places[1]</c>.</summary>
public sealed record FieldProblem(string Field, string Code, string Message);

/// <summary>A problem with one field of one row of an uploaded file: row 1 is the first line after the header, 0 the file.</summary>
public sealed record RowProblem(int Row, string Field, string Code, string Message);
