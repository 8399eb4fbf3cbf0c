using System.Security.Claims;
using Gateway.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults.Authentication;

namespace UnitTests.Gateway;

/// <summary>The gateway's policies through its evaluator: the guest shortcut gives the framework's answer, and only for a guest.</summary>
public sealed class GuestPolicyEvaluatorTests
{
    public static TheoryData<string, string?, string?, string> Cases => new()
    {
        // policy, Authorization header, authenticated user, outcome
        { GatewayPolicies.GuestOrSignedIn, null, null, "success" },
        { GatewayPolicies.GuestOrSignedIn, "Bearer expired", null, "challenge" },
        { GatewayPolicies.GuestOrSignedIn, "", null, "challenge" },
        { GatewayPolicies.GuestOrSignedIn, "Bearer valid", "user-1", "success" },
        { GatewayPolicies.SignedIn, null, null, "challenge" },
        { GatewayPolicies.SignedIn, "Bearer expired", null, "challenge" },
        { GatewayPolicies.SignedIn, "Bearer valid", "user-1", "success" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_gateway_evaluator_answers_as_the_framework_does(string policyName, string? authorization, string? userId, string outcome)
    {
        using var services = GatewayServices();
        var policy = (await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(policyName))!;

        var gateway = await EvaluateAsync(services.GetRequiredService<IPolicyEvaluator>(), policy, Request(services, authorization, userId));
        var framework = await EvaluateAsync(new PolicyEvaluator(services.GetRequiredService<IAuthorizationService>()), policy, Request(services, authorization, userId));

        Assert.Equal(outcome, gateway);
        Assert.Equal(framework, gateway);
    }

    [Fact]
    public async Task A_guest_on_a_guest_route_is_let_through_without_the_authorization_service()
    {
        using var services = GatewayServices();
        var policy = (await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(GatewayPolicies.GuestOrSignedIn))!;
        var guest = new DefaultHttpContext(); // no RequestServices: resolving anything would throw

        Assert.Equal("success", await EvaluateAsync(services.GetRequiredService<IPolicyEvaluator>(), policy, guest));
    }

    [Fact]
    public async Task A_policy_that_adds_a_requirement_to_the_guest_one_is_not_shortcut()
    {
        using var services = GatewayServices();
        var policy = new AuthorizationPolicyBuilder().AddRequirements(GuestOrSignedInRequirement.Instance).RequireAuthenticatedUser().Build();

        Assert.Equal("challenge", await EvaluateAsync(services.GetRequiredService<IPolicyEvaluator>(), policy, Request(services, null, null)));
    }

    private static ServiceProvider GatewayServices()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddDefaultAuthentication();
        builder.AddGatewayPolicies();
        return builder.Services.BuildServiceProvider();
    }

    private static DefaultHttpContext Request(IServiceProvider services, string? authorization, string? userId)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (userId is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", userId)], "Bearer"));
        }

        return context;
    }

    private static async Task<string> EvaluateAsync(IPolicyEvaluator evaluator, AuthorizationPolicy policy, HttpContext context)
    {
        var authentication = await evaluator.AuthenticateAsync(policy, context);
        var result = await evaluator.AuthorizeAsync(policy, authentication, context, context);
        return result switch
        {
            { Succeeded: true } => "success",
            { Challenged: true } => "challenge",
            { Forbidden: true } => "forbid",
            _ => "?",
        };
    }
}
