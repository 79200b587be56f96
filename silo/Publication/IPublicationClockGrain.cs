namespace Scrutiny.Silo.Publication;

/// <summary>
/// The cluster's one clock for days-after publication: a single grain woken by an Orleans reminder, so that a period's
/// publication is announced once in the cluster however many nodes run, and announced late rather than never when the
/// whole cluster was down as the date turned.
/// </summary>
[Alias("Scrutiny.Silo.Publication.IPublicationClockGrain")]
public interface IPublicationClockGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Makes sure the clock's reminder exists, and announces what was published since it last looked.</summary>
    [Alias("Start")]
    Task StartAsync();
}
