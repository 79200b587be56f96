using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// Tells every page showing an indicator that one of its periods has just been published, so that public pages
/// re-read it without a reload. Public itself: it carries the period, no value.
/// </summary>
public sealed class PublicationNotices(ICatalogueReader catalogue, IChangeFeed feed)
{
    public async Task AnnounceAsync(string indicatorCode, string period, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var places = await catalogue.ListPlacesAsync(cancellationToken);
        var groups = places.SelectMany(p => new[] { ChangeGroups.Place(p.Code), ChangeGroups.Indicator(p.Code, indicatorCode) }).ToList();
        await feed.PublishAsync(new Change(ChangeKinds.Publication,
            new Dictionary<string, string> { [ChangeKeys.Indicator] = indicatorCode, [ChangeKeys.Period] = period },
            groups, period, null, at));
    }
}
