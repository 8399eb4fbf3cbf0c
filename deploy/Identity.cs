using Amazon.CDK.AWS.Cognito;

namespace Deploy;

/// <summary>
/// The Cognito user pool the services' bearer authentication trusts (<c>Authentication__Schemes__Bearer__Authority</c>),
/// and a public app client (no secret) for the storefront. No self sign-up: users are created by an administrator
/// (README "Deploying").
/// </summary>
internal sealed class Identity : Construct
{
    public Identity(Construct scope, string id, PlatformSettings settings) : base(scope, id)
    {
        UserPool = new UserPool(this, "Users", new UserPoolProps
        {
            UserPoolName = $"cart-platform-{settings.EnvironmentName}",
            SelfSignUpEnabled = false,
            SignInAliases = new SignInAliases { Email = true },
            AutoVerify = new AutoVerifiedAttrs { Email = true },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            PasswordPolicy = new PasswordPolicy { MinLength = 12, RequireSymbols = false },
            DeletionProtection = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Client = UserPool.AddClient("Storefront", new UserPoolClientOptions
        {
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserSrp = true, UserPassword = true },
            AccessTokenValidity = Duration.Hours(1),
            IdTokenValidity = Duration.Hours(1),
            RefreshTokenValidity = Duration.Days(30),
            PreventUserExistenceErrors = true,
        });
    }

    public UserPool UserPool { get; }

    public UserPoolClient Client { get; }

    /// <summary>
    /// The issuer the services validate tokens against, <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c> (its
    /// OpenID metadata gives the signing keys). Not the pool's <c>ProviderURL</c> attribute: that one has no scheme.
    /// </summary>
    public string Authority => $"https://cognito-idp.{Stack.Of(this).Region}.{Stack.Of(this).UrlSuffix}/{UserPool.UserPoolId}";
}
