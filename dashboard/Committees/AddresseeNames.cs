using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Committees;

/// <summary>The names of the agencies and boards recommendations are addressed to, so that pages name bodies, not codes.</summary>
public sealed class AddresseeNames(IReadOnlyDictionary<string, string> agencies, IReadOnlyDictionary<string, string> boards)
{
    public static async Task<AddresseeNames> LoadAsync(SqlCatalogue catalogue, CancellationToken cancellationToken = default) => new(
        (await catalogue.ListAgenciesAsync(cancellationToken)).ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal),
        (await catalogue.ListBoardsAsync(null, cancellationToken)).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal));

    /// <summary>The body's name, or its code when it has left the catalogue.</summary>
    public string Of(Addressee addressee) =>
        (addressee.Kind == AddresseeKind.Agency ? agencies : boards).GetValueOrDefault(addressee.Code, addressee.Code);
}
