using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Boards;

/// <summary>
/// The board roll-up's push path: a place's change (an indicator's latest value or icons moved) reaches the boards of
/// that place, which derive their commitments' statuses again, record those that moved and publish <c>board:{id}</c>.
/// It runs off the change feed rather than inside the place grain's turn: the board reads the indicators' series, and
/// the indicator grain that made the change is still waiting on the place grain, so a call from there would deadlock.
/// Only this node's changes are acted on (another node's board refresh is that node's), and changes arriving together
/// refresh each board once.
/// </summary>
public sealed class BoardStatusWatcher(IChangeFeed feed, GrainRuntime runtime, ICatalogue catalogue, ILogger<BoardStatusWatcher> logger)
    : BackgroundService, IChangeObserver
{
    private readonly Channel<(string Place, bool Unpublished)> _places = Channel.CreateUnbounded<(string, bool)>(new() { SingleReader = true });

    public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
    {
        if (change.Kind == ChangeKinds.Place && change.Origin == runtime.NodeId && change.Keys.TryGetValue(ChangeKeys.Place, out var place))
            _places.Writer.TryWrite((place, change.Unpublished));
        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(this);
        using var source = AuditSource.Use(AuditSource.System);
        while (await _places.Reader.WaitToReadAsync(stoppingToken))
        {
            // A place changed by published and unpublished values alike counts as published: everyone hears of it.
            var places = new Dictionary<string, bool>(StringComparer.Ordinal);
            while (_places.Reader.TryRead(out var item))
                places[item.Place] = places.GetValueOrDefault(item.Place, true) && item.Unpublished;
            foreach (var (place, unpublished) in places)
            {
                try
                {
                    foreach (var board in await catalogue.ListBoardsAsync(place, stoppingToken))
                        await runtime.Get<IPartnershipBoardGrain>(board.Id).RefreshStatusesAsync(unpublished);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One board failing to refresh must not stop the others; the next change or read derives again.
                    logger.LogWarning(ex, "Refreshing the boards of {Place} failed", place);
                }
            }
        }
    }
}
