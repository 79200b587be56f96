using Scrutiny.Dashboard.Live;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Dashboard.Tests.Live;

/// <summary>An entitled twin's name is never one a client could watch, whatever the group (defence in depth).</summary>
public sealed class HubGroupsTests
{
    [Theory]
    [InlineData("place:E08000003")]
    [InlineData("indicator:E08000003/delayed-discharge-days")]
    [InlineData("board:manchester-hwb")]
    [InlineData("panel:k3m9x2pq7r")]
    [InlineData("committee:manchester-health-scrutiny")]
    public void The_entitled_twin_of_a_group_cannot_be_watched_by_name(string name)
    {
        Assert.True(WatchedGroup.TryParse(name, out var group));
        var twin = HubGroups.For(group, DataView.All);

        Assert.NotEqual(name, twin);
        Assert.Equal(name, HubGroups.For(group, DataView.Published));
        Assert.False(WatchedGroup.TryParse(twin, out _));
    }
}
