using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Panels;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Committees;

/// <summary>A link as a page shows it: where it goes (null for a reference in no known form) and what it is called.</summary>
public sealed record LinkTarget(string? Href, string Text);

/// <summary>
/// The agencies and boards recommendations and questions may be addressed to: the choices a form offers, by the value
/// it posts (<c>agency:MFT</c>), and the names pages show instead of codes.
/// </summary>
public sealed record AddresseeChoices(IReadOnlyList<(string Value, string Text)> Options, IReadOnlyDictionary<string, string> Names)
{
    public static string Value(Addressee addressee) => $"{CatalogueNames.Name(addressee.Kind)}:{addressee.Code}";

    public static async Task<AddresseeChoices> LoadAsync(ICatalogueReader catalogue, CancellationToken cancellationToken = default)
    {
        var agencies = await catalogue.ListAgenciesAsync(cancellationToken);
        var boards = await catalogue.ListBoardsAsync(null, cancellationToken);
        var options = agencies.Select(a => (Value: Value(new Addressee(AddresseeKind.Agency, a.Code)), Text: a.Name))
            .Concat(boards.Select(b => (Value: Value(new Addressee(AddresseeKind.Board, b.Id)), Text: b.Name))).ToList();
        return new AddresseeChoices(options, options.ToDictionary(o => o.Value, o => o.Text, StringComparer.Ordinal));
    }

    /// <summary>A posted choice as the rules' body: kind and code; null when nothing was chosen.</summary>
    public static AddresseeBody? Body(string? value) => string.IsNullOrWhiteSpace(value)
        ? null
        : value.Split(':', 2) is [var kind, var code] ? new AddresseeBody(kind, code) : new AddresseeBody(null, value);

    /// <summary>The body's name, or its code when it has left the catalogue.</summary>
    public string Name(Addressee addressee) => Names.GetValueOrDefault(Value(addressee), addressee.Code);
}

/// <summary>What a topic may link to in a committee's place: its indicators, boards, and the boards' commitments.</summary>
public sealed record TopicChoices(
    IReadOnlyList<(string Value, string Text)> Indicators, IReadOnlyList<(string Value, string Text)> Commitments, IReadOnlyList<(string Value, string Text)> Boards);

/// <summary>
/// Names and addresses for what committees' records point at (topics' and recommendations' links, addressees), read
/// from the catalogue, the boards and the panels, so that pages show names as links rather than codes.
/// </summary>
public sealed class CommitteeLinks(ICatalogueReader catalogue, IGrainFactory grains, PanelStore panels)
{
    public Task<AddresseeChoices> AddresseesAsync(CancellationToken cancellationToken = default) =>
        AddresseeChoices.LoadAsync(catalogue, cancellationToken);

    public async Task<TopicChoices> TopicChoicesAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).OrderBy(i => i.Title, StringComparer.Ordinal)
            .Select(i => ($"{placeCode}/{i.Code}", i.Title)).ToList();
        var boards = await catalogue.ListBoardsAsync(placeCode, cancellationToken);
        var commitments = new List<(string, string)>();
        foreach (var board in boards)
            if (await grains.Grain<IPartnershipBoardGrain>(board.Id).GetBoardAsync(DataView.Published) is { } view)
                commitments.AddRange(view.Commitments.Select(c => ($"{board.Id}/{c.Commitment.Id}", $"{c.Commitment.Title} ({board.Name})")));
        return new TopicChoices(indicators, commitments, [.. boards.Select(b => (b.Id, b.Name))]);
    }

    /// <summary>Each link's address and name; a link whose record has gone keeps its reference as its name.</summary>
    public async Task<IReadOnlyDictionary<Link, LinkTarget>> DescribeAsync(IEnumerable<Link> links, CancellationToken cancellationToken = default)
    {
        var targets = new Dictionary<Link, LinkTarget>();
        Dictionary<string, string>? indicatorTitles = null;
        var boardViews = new Dictionary<string, BoardView?>(StringComparer.Ordinal);
        foreach (var link in links.Distinct())
        {
            var reference = link.Reference;
            switch (link.Kind)
            {
                case LinkKind.Indicator when reference.Split('/', 2) is [var place, var indicator]:
                    indicatorTitles ??= (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, i => i.Title, StringComparer.Ordinal);
                    targets[link] = new LinkTarget($"/places/{Uri.EscapeDataString(place)}/indicators/{Uri.EscapeDataString(indicator)}",
                        indicatorTitles.GetValueOrDefault(indicator, reference));
                    break;
                case LinkKind.Commitment when reference.Split('/', 2) is [var boardId, var commitment]:
                    if (!boardViews.TryGetValue(boardId, out var view))
                        boardViews[boardId] = view = await grains.Grain<IPartnershipBoardGrain>(boardId).GetBoardAsync(DataView.Published);
                    targets[link] = new LinkTarget(BoardPaths.Commitment(boardId, commitment),
                        view?.Commitments.FirstOrDefault(c => c.Commitment.Id == commitment)?.Commitment.Title ?? reference);
                    break;
                case LinkKind.Board:
                    targets[link] = new LinkTarget(BoardPaths.Board(reference), (await catalogue.FindBoardAsync(reference, cancellationToken))?.Name ?? reference);
                    break;
                case LinkKind.Panel:
                    targets[link] = new LinkTarget(PanelPaths.Panel(reference), (await panels.FindAsync(reference, cancellationToken))?.Name ?? reference);
                    break;
                default:
                    targets[link] = new LinkTarget(null, reference);
                    break;
            }
        }
        return targets;
    }
}
