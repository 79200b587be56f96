using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Reads a JSON returns body, <c>{"returns":[…]}</c>. The body is bounded by the request size limit, so it is read
/// whole; a field of the wrong type is reported against its row.
/// </summary>
public static partial class JsonReturnsReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async IAsyncEnumerable<ParsedRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ReturnsBatch? batch;
        RowProblem? failure = null;
        try
        {
            batch = await JsonSerializer.DeserializeAsync<ReturnsBatch>(body, Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            batch = null;
            failure = Problem(ex);
        }
        if (failure is not null) { yield return new ParsedRow(failure.Row, Empty, [failure]); yield break; }
        if (batch?.Returns is null)
        {
            yield return new ParsedRow(0, Empty, [new RowProblem(0, "returns", "required", "The body must be {\"returns\":[…]}.")]);
            yield break;
        }
        for (var i = 0; i < batch.Returns.Count; i++)
            yield return new ParsedRow(i + 1, batch.Returns[i] ?? Empty, []);
    }

    private static readonly ReturnRow Empty = new(null, null, null, null, null, null);

    private static RowProblem Problem(JsonException ex)
    {
        // System.Text.Json names where it stopped as a path: $.returns[3].numerator is row 4's numerator.
        var match = RowPath().Match(ex.Path ?? "");
        return match.Success
            ? new RowProblem(int.Parse(match.Groups[1].Value) + 1, match.Groups[2].Success ? match.Groups[2].Value : "row", "invalid_json",
                $"The value at {ex.Path} is not of the right type (numbers unquoted, text in quotes).")
            : new RowProblem(0, "body", "invalid_json", $"The body is not valid JSON of the returns shape: {ex.Message}");
    }

    [GeneratedRegex(@"^\$\.returns\[(\d+)\](?:\.(\w+))?")]
    private static partial Regex RowPath();
}
