using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Tests.Groups;

/// <summary>
/// The hub reads a client's group name only through <see cref="WatchedGroup.TryParse"/>: every name the server builds
/// reads back as itself, and nothing else reads at all.
/// </summary>
public sealed class WatchedGroupTests
{
    private static readonly string LongestCode = new('a', CatalogueCodes.MaxLength);

    public static TheoryData<string, WatchedGroupKind, string, string?> Served => new()
    {
        { ChangeGroups.Place("E08000003"), WatchedGroupKind.Place, "E08000003", null },
        { ChangeGroups.Place("E92000001"), WatchedGroupKind.Place, "E92000001", null },
        { ChangeGroups.Indicator("E08000003", "delayed-discharge-days"), WatchedGroupKind.Indicator, "E08000003", "delayed-discharge-days" },
        { ChangeGroups.Indicator("E05000819", LongestCode), WatchedGroupKind.Indicator, "E05000819", LongestCode },
        { ChangeGroups.Board("manchester-hwb"), WatchedGroupKind.Board, "manchester-hwb", null },
        { ChangeGroups.Board("blackburn-with-darwen-partnership-board"), WatchedGroupKind.Board, "blackburn-with-darwen-partnership-board", null },
        { ChangeGroups.Panel("k3m9x2pq7r"), WatchedGroupKind.Panel, "k3m9x2pq7r", null },
        { ChangeGroups.Committee("manchester-health-scrutiny"), WatchedGroupKind.Committee, "manchester-health-scrutiny", null },
    };

    [Theory]
    [MemberData(nameof(Served))]
    public void A_name_the_server_builds_reads_back_as_itself(string name, WatchedGroupKind kind, string key, string? indicator)
    {
        Assert.True(WatchedGroup.TryParse(name, out var group));
        Assert.Equal((kind, key, indicator, name), (group.Kind, group.Key, group.IndicatorCode, group.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(":")]
    [InlineData("place:")]
    [InlineData("place")]
    [InlineData("E08000003")]
    [InlineData("unknown:E08000003")]
    [InlineData("places:E08000003")]
    [InlineData("Place:E08000003")]
    [InlineData("PLACE:E08000003")]
    [InlineData("place:e08000003")]
    [InlineData("place:E0800000")]
    [InlineData("place:E080000031")]
    [InlineData("place:E08000003#unpublished")]
    [InlineData("#unpublished place:E08000003")]
    [InlineData("place:E08000003 ")]
    [InlineData(" place:E08000003")]
    [InlineData("place: E08000003")]
    [InlineData("place:E08000003\n")]
    [InlineData("place:E08000003\r\n")]
    [InlineData("place:E08000003\0")]
    [InlineData("place:E08000003\u00A0")]
    [InlineData("place:\u200BE08000003")]
    [InlineData("place:\u202EE08000003")]
    [InlineData("place\uFF1AE08000003")]
    [InlineData("pl\u0430ce:E08000003")]
    [InlineData("place:\u041508000003")]
    [InlineData("place:E\uFF108000003")]
    [InlineData("place:E\u06608000003")]
    [InlineData("place:E08000003/x")]
    [InlineData("indicator:E08000003")]
    [InlineData("indicator:E08000003/")]
    [InlineData("indicator:/delayed-discharge-days")]
    [InlineData("indicator:E08000003/delayed-discharge-days/x")]
    [InlineData("indicator:E08000003//delayed-discharge-days")]
    [InlineData("indicator:E08000003/Delayed-discharge-days")]
    [InlineData("indicator:E08000003/delayed_discharge_days")]
    [InlineData("indicator:E08000003/delayed--discharge-days")]
    [InlineData("indicator:E08000003/-delayed-discharge-days")]
    [InlineData("board:")]
    [InlineData("board:manchester-hwb-")]
    [InlineData("board:manchester hwb")]
    [InlineData("board:../manchester-hwb")]
    [InlineData("board:manchester-hwb\n")]
    [InlineData("board:m\u0430nchester-hwb")]
    [InlineData("board:manchester-hwb:place:E08000003")]
    [InlineData("panel:")]
    [InlineData("panel:K3M9X2PQ7R")]
    [InlineData("committee:")]
    [InlineData("committee:manchester-health-scrutiny#unpublished")]
    public void Any_other_name_is_refused(string? name) => Assert.False(WatchedGroup.TryParse(name, out _));

    [Fact]
    public void A_key_longer_than_any_code_is_refused()
    {
        Assert.False(WatchedGroup.TryParse(ChangeGroups.Board(LongestCode + "a"), out _));
        Assert.False(WatchedGroup.TryParse(ChangeGroups.Indicator("E08000003", LongestCode + "-x"), out _));
        Assert.False(WatchedGroup.TryParse(ChangeGroups.Committee(new string('a', 1_000_000)), out _));
    }
}
