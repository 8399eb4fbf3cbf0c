using System.Globalization;

namespace HostingIntegrations.DevelopmentTokens;

/// <summary>Declares the development JWT issuer, the services that trust it, and the ways to get a token.</summary>
public static class DevelopmentTokenIssuerBuilderExtensions
{
    private const string Bearer = "Authentication__Schemes__Bearer__";
    private const string CreateTokenCommand = "create-token";

    /// <summary>
    /// The development issuer: its key lives in <c>.dev/jwt-signing-key</c> at the repository root (git-ignored;
    /// <c>Identity:SigningKeyFile</c> overrides). The dashboard offers a "Create token" command on it. Published, it is
    /// two parameters instead: the real issuer's authority and its app client id (a Cognito user pool, whose access
    /// tokens name their client in <c>client_id</c> and carry no audience).
    /// </summary>
    public static IResourceBuilder<DevelopmentTokenIssuerResource> AddDevelopmentTokenIssuer(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var keyFile = builder.Configuration["Identity:SigningKeyFile"]
            ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".dev", "jwt-signing-key"));
        var issuer = new DevelopmentTokenIssuerResource(name, keyFile);
        if (builder.ExecutionContext.IsPublishMode)
        {
            issuer.Authority = builder.AddParameter($"{name}-authority").Resource;
            issuer.ClientId = builder.AddParameter($"{name}-client-id").Resource;
        }

        builder.Eventing.Subscribe<InitializeResourceEvent>(issuer, (@event, _) =>
            // A key, not a process: it is ready as soon as the model runs.
            @event.Notifications.PublishUpdateAsync(issuer, snapshot => snapshot with
            {
                ResourceType = "TokenIssuer",
                State = KnownResourceStates.Running,
                Properties = [.. snapshot.Properties, new("issuer", DevelopmentTokenIssuerResource.Issuer), new("audience", DevelopmentTokenIssuerResource.Audience)],
            }));

        return builder.AddResource(issuer)
            .WithIconName("Key")
            .WithCommand(CreateTokenCommand, "Create token", context => CreateTokenAsync(issuer, context), new CommandOptions
            {
                Description = "Signs a development JWT for a user id, for the Authorization: Bearer header.",
                IconName = "Key",
                IsHighlighted = true,
                Arguments =
                [
                    new InteractionInput { Name = "userId", Label = "User id", InputType = InputType.Text, Required = true, Placeholder = "user-1" },
                    new InteractionInput { Name = "minutes", Label = "Valid for (minutes)", InputType = InputType.Number, Value = "60" },
                ],
            })
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Makes <paramref name="builder"/> trust the issuer through the standard <c>Authentication:Schemes:Bearer</c>
    /// settings: the development key in run mode, the published parameters otherwise.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<DevelopmentTokenIssuerResource> issuer)
        where T : IResourceWithEnvironment
    {
        var resource = issuer.Resource;
        if (resource.Authority is { } authority && resource.ClientId is { } clientId)
        {
            return builder
                .WithEnvironment($"{Bearer}Authority", authority)
                .WithEnvironment($"{Bearer}ValidClientIds__0", clientId);
        }

        return builder.WithReferenceRelationship(resource).WithEnvironment(context =>
        {
            context.EnvironmentVariables[$"{Bearer}ValidIssuer"] = DevelopmentTokenIssuerResource.Issuer;
            context.EnvironmentVariables[$"{Bearer}ValidAudiences__0"] = DevelopmentTokenIssuerResource.Audience;
            context.EnvironmentVariables[$"{Bearer}SigningKeys__0__Issuer"] = DevelopmentTokenIssuerResource.Issuer;
            context.EnvironmentVariables[$"{Bearer}SigningKeys__0__Value"] = resource.SigningKeyBase64();
        });
    }

    /// <summary>
    /// <c>dotnet run --project AppHost -- token &lt;userId&gt; [--minutes N]</c>: prints a development token, and nothing
    /// else, instead of running the model. Returns false for any other command line.
    /// </summary>
    public static bool TryPrintToken(this IResourceBuilder<DevelopmentTokenIssuerResource> issuer, string[] args, TextWriter? output = null)
    {
        if (args is not ["token", ..])
        {
            return false;
        }

        output ??= Console.Out;
        if (args is not ["token", var userId, ..] || userId.StartsWith('-') || string.IsNullOrWhiteSpace(userId))
        {
            Console.Error.WriteLine("usage: dotnet run --project AppHost -- token <userId> [--minutes N]");
            Environment.ExitCode = 1;
            return true;
        }

        var minutes = args.SkipWhile(a => a != "--minutes").Skip(1).FirstOrDefault();
        if (minutes is not null && !int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            Console.Error.WriteLine($"--minutes takes a whole number of minutes, not '{minutes}'.");
            Environment.ExitCode = 1;
            return true;
        }

        var lifetime = TimeSpan.FromMinutes(minutes is null ? 60 : int.Parse(minutes, CultureInfo.InvariantCulture));
        output.WriteLine(issuer.Resource.MintToken(userId, TimeProvider.System.GetUtcNow(), lifetime));
        return true;
    }

    private static Task<ExecuteCommandResult> CreateTokenAsync(DevelopmentTokenIssuerResource issuer, ExecuteCommandContext context)
    {
        var userId = context.Arguments.GetString("userId");
        if (string.IsNullOrWhiteSpace(userId))
        {
            return Task.FromResult(CommandResults.Failure("A user id is required."));
        }

        var minutes = int.TryParse(context.Arguments.GetString("minutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 60;
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var token = issuer.MintToken(userId, now, TimeSpan.FromMinutes(minutes));
        return Task.FromResult(CommandResults.Success($"Token for '{userId}', valid {minutes} minutes", token, CommandResultFormat.Text, displayImmediately: true));
    }
}
