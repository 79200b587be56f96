namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>One broken promise: what was sent, what came back, and which promise.</summary>
public sealed record FuzzFailure(string Kind, FuzzRequest Request, FuzzAnswer? Answer, string Detail)
{
    /// <summary>Failures alike enough to count once in the summary: the same promise broken at the same endpoint with the same status.</summary>
    public string Signature => $"{Kind} at {Request.Endpoint} ({Answer?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"})";

    public string? Known => KnownDefects.Match(this);

    public override string ToString() =>
        $"{Kind}{(Known is { } known ? $" [known defect, fixed on another branch: {known}]" : "")}\n" +
        $"--- request ---\n{Request}--- answer ---\n{Answer?.Excerpt(Kind == FuzzChecks.Leak ? Answer.Body.IndexOf(Detail, StringComparison.Ordinal) : -1) ?? "(none)"}\n" +
        $"--- detail ---\n{(Detail.Length > 3000 ? Detail[..3000] + "…" : Detail)}\n";
}
