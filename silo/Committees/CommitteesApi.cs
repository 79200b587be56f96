using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Api.Places;
using Scrutiny.Silo.Meetings;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// <c>/api/v1/committees</c>: anyone reads committees, work programmes, the recommendations register (filters,
/// <c>?format=csv</c>) and questions, as the committees' pages show them (scrutiny works in public); the inbox is the
/// caller's own, so it takes a key. Administrators make and change committees; a committee's own business (meetings,
/// work programme, recommendations, questions, closing) is for administrators and its members — members are people,
/// who act through the pages, since the API takes keys only. Responses, implementation updates and answers are the
/// addressee's alone (<see cref="CommitteeAccess.MayAnswer"/>). The logic is in the services the pages call too.
/// </summary>
public static class CommitteesApi
{
    private const string Committee = "/committees/{id}";
    private const string Recommendation = Committee + "/recommendations/{recommendation}";

    public static IEndpointRouteBuilder MapCommitteesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/committees", ListAsync).ForAnyone().Produces<IReadOnlyList<CommitteeResource>>()
            .WithName("ListCommittees").WithSummary("Every committee: name, place, response months, meeting dates.");
        endpoints.MapPost("/committees", CreateAsync).Writes("CreateCommittee", "Make a committee (administrators).", StatusCodes.Status201Created);
        endpoints.MapGet(Committee, GetAsync).Reads("GetCommittee", "One committee.");
        endpoints.MapPut(Committee, UpdateAsync).Writes("PutCommittee", "Change a committee's name, place, response months and meetings (administrators).");
        endpoints.MapPut($"{Committee}/meetings", PutMeetingsAsync).Writes("PutCommitteeMeetings", "Set the meeting dates (the list replaces the old).");
        endpoints.MapGet($"{Committee}/meetings", GetMeetingsAsync).Reads("GetCommitteeMeetings",
            "The meetings with their ids (a meeting's id is its calendar event's; it survives a move), by day.");
        endpoints.MapPut($"{Committee}/meetings/{{meeting}}", PutMeetingAsync).Writes("MoveCommitteeMeeting",
            "Move one meeting to another day, keeping its id, so that subscribed calendars move it (body: {\"on\": \"yyyy-MM-dd\"}).");
        endpoints.MapGet($"{Committee}/work-programme", GetTopicsAsync).Reads("GetWorkProgramme", "The work programme's topics, by meeting.");
        endpoints.MapPost($"{Committee}/work-programme", PostTopicAsync).Writes("PostWorkProgrammeTopic", "Add a topic.", StatusCodes.Status201Created);
        endpoints.MapPut($"{Committee}/work-programme/{{topic}}", PutTopicAsync).Writes("PutWorkProgrammeTopic", "Change a topic.");
        endpoints.MapGet($"{Committee}/recommendations", GetRegisterAsync).Reads("GetRecommendations",
            "The recommendations register, newest first: ?state=, ?addressee=CODE, ?overdue=true, ?format=csv or ?format=xlsx.");
        endpoints.MapPost($"{Committee}/recommendations", PostRecommendationAsync).Writes("PostRecommendation",
            "Make a recommendation to an agency or a board; the response is due after the committee's response months.", StatusCodes.Status201Created);
        endpoints.MapGet(Recommendation, GetRecommendationAsync).Reads("GetRecommendation", "One recommendation with its response, updates and closure.");
        endpoints.MapPut($"{Recommendation}/response", PutResponseAsync).Writes("PutRecommendationResponse",
            "The addressee's response: accepted, partially_accepted or rejected, with reasons (the addressee only).");
        endpoints.MapPost($"{Recommendation}/updates", PostUpdateAsync).Writes("PostRecommendationUpdate",
            "An implementation update with its status and evidence (the addressee only).", StatusCodes.Status201Created);
        endpoints.MapPost($"{Recommendation}/closure", PostClosureAsync).Writes("PostRecommendationClosure", "Close a recommendation with a note.");
        endpoints.MapGet($"{Committee}/questions", GetQuestionsAsync).Reads("GetCommitteeQuestions", "The committee's questions to partners.");
        endpoints.MapPost($"{Committee}/questions", PostQuestionAsync).Writes("PostCommitteeQuestion", "Ask a partner a question, with a due date.",
            StatusCodes.Status201Created);
        endpoints.MapPut($"{Committee}/questions/{{question}}/answer", PutAnswerAsync).Writes("PutCommitteeQuestionAnswer", "Answer a question (the addressee only).");
        endpoints.MapGet("/places/{place}/recommendations", GetPlaceAsync).Reads("GetPlaceRecommendations",
            "You said, we did: the place's committees' recommendations with their responses and implementation.");
        endpoints.MapGet("/inbox", GetInboxAsync).ForAnyKey().Produces<Inbox>().WithName("GetInbox")
            .WithSummary("What is due or overdue for the caller, and the notifications sent to them.");
        endpoints.MapPost("/inbox/notifications/{notification:long}/read", PostReadAsync).Writes("PostNotificationRead", "Mark a notification read.");
        return endpoints;
    }

    private static RouteHandlerBuilder Reads(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.ForAnyone().Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).WithName(name).WithSummary(summary);

    private static RouteHandlerBuilder Writes(this RouteHandlerBuilder endpoint, string name, string summary, int success = StatusCodes.Status200OK) =>
        endpoint.ForAnyKey().Produces(success).Produces(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithName(name).WithSummary(summary);

    private static async Task<IResult> ListAsync(CommitteeStore store, CancellationToken cancellationToken) =>
        Results.Ok((await store.ListAsync(cancellationToken)).Select(CommitteeResource.From));

    private static async Task<IResult> CreateAsync(CommitteeBody body, ClaimsPrincipal user, CommitteeWork work, CancellationToken cancellationToken) =>
        Answer(await work.CreateAsync(user, body, cancellationToken), c => Results.Created($"/api/v1/committees/{c.Id}", CommitteeResource.From(c)));

    private static async Task<IResult> GetAsync(string id, CommitteeStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } c ? Results.Ok(CommitteeResource.From(c)) : ApiResults.NotFound(RecommendationRegister.NoCommittee(id));

    private static async Task<IResult> UpdateAsync(string id, CommitteeBody body, ClaimsPrincipal user, CommitteeWork work, CancellationToken cancellationToken) =>
        Answer(await work.UpdateAsync(user, id, body, cancellationToken), c => Results.Ok(CommitteeResource.From(c)));

    private static async Task<IResult> PutMeetingsAsync(string id, MeetingsBody body, ClaimsPrincipal user, CommitteeWork work, CancellationToken cancellationToken) =>
        Answer(await work.SetMeetingsAsync(user, id, body, cancellationToken), c => Results.Ok(CommitteeResource.From(c)));

    private static async Task<IResult> GetMeetingsAsync(string id, CommitteeStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is null
            ? ApiResults.NotFound(RecommendationRegister.NoCommittee(id))
            : Results.Ok((await store.ListMeetingsAsync(id, cancellationToken)).Select(MeetingDayResource.From));

    private static async Task<IResult> PutMeetingAsync(string id, string meeting, MeetingMoveBody body, ClaimsPrincipal user, CommitteeWork work,
        CancellationToken cancellationToken) =>
        Answer(await work.MoveMeetingAsync(user, id, meeting, body, cancellationToken), m => Results.Ok(MeetingDayResource.From(m)));

    private static async Task<IResult> GetTopicsAsync(string id, CommitteeStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is null
            ? ApiResults.NotFound(RecommendationRegister.NoCommittee(id))
            : Results.Ok(await store.ListTopicsAsync(id, cancellationToken));

    private static async Task<IResult> PostTopicAsync(string id, TopicBody body, ClaimsPrincipal user, CommitteeWork work, CancellationToken cancellationToken) =>
        Answer(await work.AddTopicAsync(user, id, body, cancellationToken), t => Results.Created($"/api/v1/committees/{id}/work-programme/{t.Id}", t));

    private static async Task<IResult> PutTopicAsync(string id, string topic, TopicBody body, ClaimsPrincipal user, CommitteeWork work,
        CancellationToken cancellationToken) =>
        Answer(await work.UpdateTopicAsync(user, id, topic, body, cancellationToken), Results.Ok);

    private static async Task<IResult> GetRegisterAsync(string id, string? state, string? addressee, string? overdue, string? format, CommitteeStore store,
        RecommendationRegister register, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
        var (filter, problems) = RegisterFilter.Parse(state, addressee, overdue);
        if (problems.Count > 0) return ApiResults.Invalid(problems);
        if (await store.FindAsync(id, cancellationToken) is null) return ApiResults.NotFound(RecommendationRegister.NoCommittee(id));
        var entries = await register.ListAsync(new RecommendationScope(id), filter, cancellationToken);
        return exportFormat != ExportFormat.Json
            ? exportFormat.Table($"{id}-recommendations", csv => RecommendationCsv.Write(csv, entries), RecommendationCsv.About(id, TableView.Public))
            : Results.Ok(entries.Select(RecommendationResource.From));
    }

    private static async Task<IResult> PostRecommendationAsync(string id, RecommendationBody body, ClaimsPrincipal user, RecommendationRegister register,
        CancellationToken cancellationToken) =>
        Answer(await register.MakeAsync(user, id, body, cancellationToken),
            e => Results.Created($"/api/v1/committees/{id}/recommendations/{e.Recommendation.Id}", RecommendationResource.From(e)));

    private static async Task<IResult> GetRecommendationAsync(string id, string recommendation, RecommendationRegister register,
        CancellationToken cancellationToken) =>
        await register.FindAsync(id, recommendation, cancellationToken) is { } e
            ? Results.Ok(RecommendationResource.From(e))
            : ApiResults.NotFound($"The committee '{id}' has no recommendation '{recommendation}'.");

    private static async Task<IResult> PutResponseAsync(string id, string recommendation, ResponseBody body, ClaimsPrincipal user,
        RecommendationRegister register, CancellationToken cancellationToken) =>
        Answer(await register.RespondAsync(user, id, recommendation, body, cancellationToken), e => Results.Ok(RecommendationResource.From(e)));

    private static async Task<IResult> PostUpdateAsync(string id, string recommendation, ImplementationUpdateBody body, ClaimsPrincipal user,
        RecommendationRegister register, CancellationToken cancellationToken) =>
        Answer(await register.AddUpdateAsync(user, id, recommendation, body, cancellationToken),
            e => Results.Json(RecommendationResource.From(e), statusCode: StatusCodes.Status201Created));

    private static async Task<IResult> PostClosureAsync(string id, string recommendation, ClosureBody body, ClaimsPrincipal user,
        RecommendationRegister register, CancellationToken cancellationToken) =>
        Answer(await register.CloseAsync(user, id, recommendation, body, cancellationToken), e => Results.Ok(RecommendationResource.From(e)));

    private static async Task<IResult> GetQuestionsAsync(string id, CommitteeStore store, CommitteeQuestions questions, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is null
            ? ApiResults.NotFound(RecommendationRegister.NoCommittee(id))
            : Results.Ok((await questions.ListAsync(id, null, cancellationToken)).Select(QuestionResource.From));

    private static async Task<IResult> PostQuestionAsync(string id, QuestionBody body, ClaimsPrincipal user, CommitteeQuestions questions,
        CancellationToken cancellationToken) =>
        Answer(await questions.AskAsync(user, id, body, cancellationToken),
            q => Results.Created($"/api/v1/committees/{id}/questions/{q.Question.Id}", QuestionResource.From(q)));

    private static async Task<IResult> PutAnswerAsync(string id, string question, AnswerBody body, ClaimsPrincipal user, CommitteeQuestions questions,
        CancellationToken cancellationToken) =>
        Answer(await questions.AnswerAsync(user, id, question, body, cancellationToken), q => Results.Ok(QuestionResource.From(q)));

    private static async Task<IResult> GetPlaceAsync(string place, ICatalogue catalogue, CommitteeStore store, RecommendationRegister register,
        CancellationToken cancellationToken)
    {
        if (await catalogue.FindPlaceAsync(place, cancellationToken) is null) return ApiResults.NotFound($"No place has the code '{place}'.");
        var committees = (await store.ListAsync(cancellationToken)).Where(c => c.PlaceCode == place).Select(CommitteeResource.From).ToList();
        var entries = await register.ListAsync(new RecommendationScope(PlaceCode: place), cancellationToken: cancellationToken);
        return Results.Ok(new PlaceRecommendationsResource(place, committees, [.. entries.Select(RecommendationResource.From)]));
    }

    private static async Task<IResult> GetInboxAsync(ClaimsPrincipal user, CommitteeInbox inbox, CancellationToken cancellationToken) =>
        Results.Ok(await inbox.ForAsync(user, cancellationToken));

    private static async Task<IResult> PostReadAsync(long notification, ClaimsPrincipal user, CommitteeInbox inbox, InboxStore store, TimeProvider time,
        CancellationToken cancellationToken) =>
        await store.MarkReadAsync(notification, await inbox.RecipientsAsync(user, cancellationToken), user.Actor(), time.GetUtcNow(), cancellationToken)
            ? Results.NoContent()
            : ApiResults.NotFound($"You have no notification {notification}.");

    /// <summary>A service's outcome as the API says it: the record, or 403, 404, 409 with the reason, 422 with the problems by field.</summary>
    private static IResult Answer<T>(CommitteeResult<T> result, Func<T, IResult> done) => result.Outcome switch
    {
        CommitteeOutcome.Done => done(result.Value!),
        CommitteeOutcome.NotFound => ApiResults.NotFound(result.Detail!),
        CommitteeOutcome.Forbidden => Results.Problem(title: "Forbidden.", detail: result.Detail, statusCode: StatusCodes.Status403Forbidden),
        CommitteeOutcome.Conflict => ApiResults.Conflict("Not now.", result.Detail!),
        _ => ApiResults.Invalid(result.Problems),
    };
}
