namespace Scrutiny.Silo.Tables;

/// <summary>
/// What a downloaded table is, written on a workbook's "About" sheet: its title and description, whose view it holds,
/// and facts of its own (an indicator's unit and polarity…). Where it came from and when are the request's.
/// </summary>
/// <param name="Sheet">The first sheet's name (at most 31 characters, none of <c>[]:*?/\</c>).</param>
public sealed record TableAbout(string Sheet, string Title, string Description, TableView View)
{
    public IReadOnlyList<(string Field, object? Value)> Facts { get; init; } = [];
}
