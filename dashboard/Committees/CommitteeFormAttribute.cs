namespace Scrutiny.Dashboard.Committees;

/// <summary>
/// Marks a page in a committee's <c>{Id}</c> whose forms post to it, and says who may post which
/// (<see cref="Silo.Committees.CommitteeAccess"/>), for <see cref="CommitteeFormPosts"/> to refuse anyone else.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CommitteeFormAttribute : Attribute
{
    /// <summary>
    /// The forms (by <c>@formname</c>) that are the committee's own business, for its members and administrators; null
    /// when every post to the page is (a page that is only a form).
    /// </summary>
    public string[]? Work { get; init; }

    /// <summary>
    /// The forms that are the addressee's alone: the response to, or an update on, the page's recommendation
    /// (<c>{RecommendationId}</c>), or the answer to its question (<c>{QuestionId}</c>).
    /// </summary>
    public string[] Addressee { get; init; } = [];
}
