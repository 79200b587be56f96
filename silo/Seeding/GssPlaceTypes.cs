namespace Scrutiny.Silo.Seeding;

/// <summary>A place's type from the prefix of its GSS code, for places the fixtures name without one.</summary>
public static class GssPlaceTypes
{
    public static string TypeOf(string gssCode) => gssCode[..3] switch
    {
        "E05" => "ward",
        "E06" => "unitary_authority",
        "E07" => "non_metropolitan_district",
        "E08" => "metropolitan_borough",
        "E09" => "london_borough",
        "E10" => "county",
        "E92" => "country",
        _ => throw new InvalidDataException($"No place type is known for the GSS code '{gssCode}'."),
    };
}
