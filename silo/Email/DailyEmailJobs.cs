using System.Data.Common;
using Dapper;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email;

/// <summary>
/// One run a day of each reminder check, among all the nodes: the first to claim a day's run does it; if it dies, its
/// claim runs out and another takes over (<c>email_job_runs</c>).
/// </summary>
public sealed class DailyEmailJobs(Database database, EmailOptions options, TimeProvider time)
{
    /// <summary>
    /// True when <paramref name="claimant"/> now holds <paramref name="job"/>'s run for <paramref name="day"/>, for
    /// <see cref="EmailOptions.ClaimSeconds"/> from now.
    /// </summary>
    public async Task<bool> TryClaimAsync(string job, DateOnly day, string claimant, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        var args = new { job, day = DayText.Of(day), claimant, now = At(now), until = At(now.AddSeconds(options.ClaimSeconds)) };
        if (await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO email_job_runs (job, day, claimed_by, claimed_until) VALUES (@job, @day, @claimant, @until) ON CONFLICT (job, day) DO NOTHING",
                args, cancellationToken: cancellationToken)) == 1) return true;
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE email_job_runs SET claimed_by = @claimant, claimed_until = @until
            WHERE job = @job AND day = @day AND done_at IS NULL AND claimed_until < @now
            """, args, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Marks the run done, in the transaction that wrote its reminders.</summary>
    public Task MarkDoneAsync(DbConnection connection, DbTransaction transaction, string job, DateOnly day, string claimant, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE email_job_runs SET done_at = @at WHERE job = @job AND day = @day AND claimed_by = @claimant",
            new { job, day = DayText.Of(day), claimant, at = At(at) }, transaction, cancellationToken: cancellationToken));

    private object At(DateTimeOffset at) => SqlDialect.Timestamp(at, database.Engine);
}
