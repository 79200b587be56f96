namespace Scrutiny.Silo.Security;

/// <summary>
/// Endpoint metadata: the endpoint's own budget a minute for each caller (the API key or person signed in), spent on
/// top of the budget every request falls under (<see cref="RequestBudgets"/>). <paramref name="name"/> keeps one
/// endpoint's count apart from another's; the permits are read from the host's settings on each request.
/// </summary>
public sealed class CallerBudget(string name, Func<IServiceProvider, int> permitsPerMinute)
{
    public string Name => name;

    public int PermitsPerMinute(IServiceProvider services) => permitsPerMinute(services);
}
