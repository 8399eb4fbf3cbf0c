namespace Payments.Api.Accounts;

/// <summary>The account endpoints.</summary>
internal static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/accounts").WithTags("Accounts");

        accounts.MapPost("", CreateAccountAsync).WithName("CreateAccount");
        accounts.MapGet("/{accountId}", GetAccountAsync).WithName("GetAccount");

        return app;
    }

    /// <summary>Opens an ACTIVE account with a zero balance.</summary>
    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateAccountAsync(
        CreateAccountRequest request,
        HttpContext context,
        AccountStore store,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var valid = AccountValidation.Validate(request);
        if (!valid.Succeeded)
        {
            return valid.Error.ToResult();
        }

        var now = time.GetUtcTimestamp();
        var account = new Account(
            Guid.NewGuid().ToString("N"),
            valid.Value.UserId,
            valid.Value.Currency,
            Balance: 0,
            AccountStatus.Active,
            Version: 1,
            CreatedAt: now,
            UpdatedAt: now);

        if (!await store.TryCreateAsync(account, cancellationToken))
        {
            return ApiError.Conflict("An account with this id already exists.").ToResult();
        }

        Activity.Current?.SetTag("account.id", account.AccountId);
        context.Response.SetETag(account.Version);
        return TypedResults.Created($"/accounts/{account.AccountId}", AccountResponse.From(account));
    }

    /// <summary>Reads an account.</summary>
    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAccountAsync(
        string accountId,
        HttpContext context,
        AccountStore store,
        CancellationToken cancellationToken)
    {
        var account = AccountValidation.IsAccountId(accountId) ? await store.FindAsync(accountId, cancellationToken) : null;
        if (account is null)
        {
            return ApiError.NotFound("The account was not found.").ToResult();
        }

        Activity.Current?.SetTag("account.id", account.AccountId);
        context.Response.SetETag(account.Version);
        return TypedResults.Ok(AccountResponse.From(account));
    }
}
