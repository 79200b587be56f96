namespace Scrutiny.Silo.Returns;

/// <summary>Worksheet cell references (<c>B14</c>) read and written, within the grid a spreadsheet program allows.</summary>
public static class CellReference
{
    /// <summary>Excel's grid: 1,048,576 rows by 16,384 columns (XFD). A reference beyond it is no real cell.</summary>
    public const int MaxRow = 1_048_576;
    public const int MaxColumns = 16_384;

    /// <summary>The column's letters, column 0 being A.</summary>
    public static string Column(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>Reads <c>B14</c> as column 1, row 14; false for anything else or outside the grid.</summary>
    public static bool TryParse(string? reference, out int column, out int row)
    {
        (column, row) = (0, 0);
        if (string.IsNullOrEmpty(reference)) return false;
        var i = 0;
        var letters = 0;
        for (; i < reference.Length && reference[i] is >= 'A' and <= 'Z'; i++)
        {
            letters = letters * 26 + (reference[i] - 'A' + 1);
            if (letters > MaxColumns) return false;
        }
        if (i == 0 || i == reference.Length) return false;
        for (; i < reference.Length; i++)
        {
            if (reference[i] is not (>= '0' and <= '9')) return false;
            row = row * 10 + (reference[i] - '0');
            if (row > MaxRow) return false;
        }
        column = letters - 1;
        return row >= 1;
    }
}
