using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// <c>api-key create | list | revoke</c>. The audit records the operating-system user as the actor and <c>cli</c> as
/// the source: whoever can run this command can read the store anyway, so the user name is what says who.
/// </summary>
public static class ApiKeyCommands
{
    public const string Usage =
        """
               silo api-key create --agency CODE [--label TEXT] [--expires-days N]
                                                    make an API key for an agency
               silo api-key create --admin [--label TEXT] [--expires-days N]
                                                    make an administrator's API key
               silo api-key list [--agency CODE]    list keys by prefix (never the secret)
               silo api-key revoke --id ID          revoke a key (ID or its prefix scr_ID)
        """;

    public static string Actor => $"cli:{Environment.UserName}";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        using var source = AuditSource.Use(AuditSource.Cli);
        var keys = services.GetRequiredService<ApiKeyStore>();
        if (args is not [var verb, .. var rest] || !TryOptions(rest, out var options)) return Fail("Unrecognised arguments.");
        switch (verb)
        {
            case "create":
                return await CreateAsync(services, keys, options);
            case "list" when options.Keys.All(k => k == "agency"):
                var list = await keys.ListAsync(options.GetValueOrDefault("agency"));
                Console.WriteLine(ApiKeyListing.Format(list, TimeProvider.System.GetUtcNow()));
                return 0;
            case "revoke" when options.Keys.SequenceEqual(["id"]):
                var id = options["id"]!.StartsWith("scr_", StringComparison.Ordinal) ? options["id"]![4..] : options["id"]!;
                switch (await keys.RevokeAsync(id, Actor))
                {
                    case RevokeOutcome.NotFound: return Fail($"No key has the id '{id}'.");
                    case RevokeOutcome.AlreadyRevoked: Console.WriteLine($"{ApiKeyStore.PrefixOf(id)} was already revoked."); return 0;
                    default: Console.WriteLine($"Revoked {ApiKeyStore.PrefixOf(id)}."); return 0;
                }
            default:
                return Fail("Unrecognised arguments.");
        }
    }

    private static async Task<int> CreateAsync(IServiceProvider services, ApiKeyStore keys, Dictionary<string, string?> options)
    {
        var admin = options.Remove("admin", out var adminValue);
        var agency = options.Remove("agency", out var agencyValue) ? agencyValue : null;
        var label = options.Remove("label", out var labelValue) ? labelValue : null;
        int? days = null;
        if (options.Remove("expires-days", out var daysText))
        {
            if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > ApiKeyStore.MaxExpiryDays)
                return Fail($"--expires-days takes a whole number of days from 1 to {ApiKeyStore.MaxExpiryDays}.");
            days = d;
        }
        if (options.Count > 0 || admin == (agency is not null) || (admin && adminValue is not null) || (!admin && string.IsNullOrEmpty(agency)))
            return Fail("Give either --agency CODE or --admin.");
        if (label is { Length: > ApiKeyStore.MaxLabelLength }) return Fail($"A label has at most {ApiKeyStore.MaxLabelLength} characters.");
        if (agency is not null && await services.GetRequiredService<ICatalogueReader>().FindAgencyAsync(agency) is null)
        {
            Console.Error.WriteLine($"No agency has the code '{agency}'.");
            return 2;
        }
        var expires = days is { } n ? TimeProvider.System.GetUtcNow().AddDays(n) : (DateTimeOffset?)null;
        var created = await keys.CreateAsync(new NewApiKey(agency, admin, label, expires), Actor);
        var expiry = expires is { } e ? $", expires {e:yyyy-MM-dd HH:mm} UTC" : "";
        Console.WriteLine(admin
            ? $"Administrator key {created.Prefix}{expiry} (shown once; only its hash is stored):"
            : $"API key {created.Prefix} for agency {agency}{expiry} (shown once; only its hash is stored):");
        Console.WriteLine(created.Key);
        return 0;
    }

    /// <summary>Reads <c>--name value</c> pairs; <c>--admin</c> alone takes no value.</summary>
    private static bool TryOptions(string[] args, out Dictionary<string, string?> options)
    {
        options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return false;
            var name = args[i][2..];
            if (name == "admin") { options[name] = null; continue; }
            if (i + 1 >= args.Length || options.ContainsKey(name)) return false;
            options[name] = args[++i];
        }
        return true;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(AdminCommands.Usage);
        return 2;
    }
}
