using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Security;

/// <summary>
/// What a stranger types into an address must not become something the node keeps: an id that names no board is
/// refused before any grain is activated for it (an activation stays in memory until it has been idle a quarter of an
/// hour, so a million made-up ids would be a million activations).
/// </summary>
public sealed class AttackerKeyedMemoryTests
{
    [Fact]
    public async Task Board_ids_that_name_no_board_activate_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database);
        var before = await GrainActivations.CountAsync(node.Services);

        for (var i = 0; i < 20; i++)
        {
            using var response = await node.Http.GetAsync($"/api/v1/boards/made-up-{i}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(before, await GrainActivations.CountAsync(node.Services));
    }

    [Fact]
    public async Task A_grain_that_cannot_start_for_a_made_up_key_is_not_kept()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var node = await TestNode.StartAsync(database);
        var before = await GrainActivations.CountAsync(node.Services);

        for (var i = 0; i < 20; i++)
            await Assert.ThrowsAsync<KeyNotFoundException>(() =>
                node.Services.GetRequiredService<IGrainFactory>().GetGrain<Scrutiny.Grains.Contracts.IIndicatorGrain>($"E08000003/made-up-{i}")
                    .GetSeriesAsync(Scrutiny.Grains.Contracts.DataView.Published));

        Assert.Equal(before, await GrainActivations.CountAsync(node.Services));
    }
}
