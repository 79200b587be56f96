using Scrutiny.Silo.Api;
using Scrutiny.Silo.People;

namespace Scrutiny.Silo.Committees;

/// <summary>The limits on what a resident sends: each problem names its field, as the committees' other rules do.</summary>
public static class ResidentSubmissionRules
{
    /// <summary>Room for a question or a suggestion with its reasons; a longer text is a letter, for the committee's clerk.</summary>
    public const int MaxTextLength = 2000;

    public const int MaxNameLength = 100;

    /// <summary>A decline's reason, which is published: a sentence or two.</summary>
    public const int MaxReasonLength = 1000;

    public static (ResidentSubmission? Submission, string? Email, List<FieldProblem> Problems) Check(
        Committee committee, string id, ResidentSubmissionBody body, DateTimeOffset at)
    {
        var p = new FieldProblems();
        var kind = p.OneOf<SubmissionKind>(body.Kind, "kind");
        var text = p.Text(body.Text, "text", MaxTextLength);
        var name = p.Optional(body.Name, "name", MaxNameLength);
        var email = p.Optional(body.Email, "email", PersonEmail.MaxLength);
        if (email is not null && !PersonEmail.IsValid(email)) p.Add("email", "invalid_email", "email must be an email address, such as name@example.com.");
        var place = string.IsNullOrWhiteSpace(body.Place) ? null : body.Place.Trim();
        // Sent from a place page: the place is the committee's own, or it is not recorded as one.
        if (place is not null && place != committee.PlaceCode) p.Add("place", "not_committee_place", $"The committee does not scrutinise '{place}'.");
        return p.Any ? (null, null, p.List) : (new ResidentSubmission(id, committee.Id, kind!.Value, place, text!, name, at, SubmissionState.Received), email, p.List);
    }
}
