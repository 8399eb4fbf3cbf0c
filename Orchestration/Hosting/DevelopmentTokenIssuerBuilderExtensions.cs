namespace Orchestration.Hosting;

/// <summary>Declares the development JWT issuer (a key, not a process).</summary>
public static class DevelopmentTokenIssuerBuilderExtensions
{
    /// <summary>The signing key lives in <c>.dev/jwt-signing-key</c> under the repository root (git-ignored).</summary>
    public static IResourceBuilder<DevelopmentTokenIssuerResource> AddDevelopmentTokenIssuer(this DistributedApplicationBuilder builder, string name)
    {
        var keyFile = builder.Configuration["Identity:SigningKeyFile"]
            ?? Path.Combine(builder.Options.RepositoryRoot, ".dev", "jwt-signing-key");
        return builder.AddResource(new DevelopmentTokenIssuerResource(name, keyFile));
    }
}
