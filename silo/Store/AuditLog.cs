using System.Data.Common;
using System.Text.Json;
using Dapper;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Store;

/// <summary>
/// The one way a row reaches <c>audit_log</c>: always inside the transaction of the change it records, so that the
/// audit and the change agree. Details are JSON; the source ("from where") is the ambient <see cref="AuditSource"/>.
/// </summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);

    public static string Detail(object detail) => JsonSerializer.Serialize(detail, DetailJson);

    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, StoreEngine engine,
        CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at, actor, action, subject, detail, source) VALUES (@at, @actor, @action, @subject, @detail, @source)",
            new
            {
                at = SqlDialect.Timestamp(entry.At, engine), actor = entry.Actor, action = entry.Action,
                subject = entry.Subject, detail = entry.Detail, source = AuditSource.Current,
            }, transaction, cancellationToken: cancellationToken));
}
