using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Met unless the request presented an API key that was refused, or left unchecked because its address has had too
/// many refused (then the challenge answers 429). For endpoints open to everyone (the hub, the open-data reads) that
/// must still turn away a bad key rather than quietly treat its holder as anonymous.
/// </summary>
public sealed class NoRefusedKeyRequirement : IAuthorizationRequirement
{
    public sealed class Handler : AuthorizationHandler<NoRefusedKeyRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NoRefusedKeyRequirement requirement)
        {
            var http = context.Resource as HttpContext;
            if (http is null || !ApiKeyAuthenticationHandler.KeyNotTaken(http)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
