namespace Scrutiny.Silo.Comparisons;

/// <summary>Places (rows, by name) by indicators (columns, each a <see cref="Comparison"/> at its own latest common period).</summary>
public sealed record HeatMap(ComparisonScope Scope, IReadOnlyList<Grains.Catalogue.Place> Rows, IReadOnlyList<Comparison> Columns)
{
    /// <summary>The place's value in a column; every place of the scope has one, with or without a value.</summary>
    public ComparedPlace Cell(string placeCode, Comparison column) => column.Places.First(p => p.Place.Code == placeCode);
}
