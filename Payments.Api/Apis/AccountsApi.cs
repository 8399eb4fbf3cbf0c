using Idempotency;

namespace Payments.Api.Apis;

/// <summary>The account endpoints: open, read, list mine, close — all for the signed-in owner.</summary>
internal static class AccountsApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Caller.SignedInPolicy);

        accounts.MapPost("", CreateAccountAsync).WithName("CreateAccount").WithETag().WithCallerIdempotency(required: false, KeyClaim.WithTransaction)
            .WithRequestExample(LedgerExamples.CreateAccount).WithResponseExample(StatusCodes.Status201Created, LedgerExamples.Opened);
        accounts.MapGet("", ListAccountsAsync).WithName("ListMyAccounts").WithResponseExample(StatusCodes.Status200OK, LedgerExamples.Accounts);
        accounts.MapGet("/{accountId}", GetAccountAsync).WithName("GetAccount").WithETag().WithResponseExample(StatusCodes.Status200OK, LedgerExamples.Funded);
        accounts.MapPost("/{accountId}/close", CloseAccountAsync).WithName("CloseAccount").WithIfMatch().WithCallerIdempotency(required: false, KeyClaim.WithTransaction)
            .WithResponseExample(StatusCodes.Status200OK, LedgerExamples.Closed);

        return app;
    }

    /// <summary>Opens an ACTIVE account with a zero balance for the signed-in user.</summary>
    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateAccountAsync(
        CreateAccountRequest request, HttpContext http, AccountService service, CancellationToken cancellationToken)
    {
        var currency = AccountValidation.Validate(request);
        if (!currency.Succeeded)
        {
            return currency.Error.ToResult();
        }

        var opened = await service.OpenAsync(new OpenAccount(http.User.Id(), currency.Value), http.GetIdempotency(), cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Error.ToResult();
        }

        Activity.Current?.SetTag("account.id", opened.Value.AccountId);
        http.Response.SetETag(opened.Value.Version);
        return TypedResults.Created(ResourceLocations.Account(opened.Value.AccountId), opened.Value);
    }

    /// <summary>Reads one of the caller's accounts; anyone else's is a 404.</summary>
    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAccountAsync(
        string accountId, HttpContext http, AccountStore store, CancellationToken cancellationToken)
    {
        var account = await store.FindOwnedAsync(accountId, http.User.Id(), cancellationToken);
        if (account is null)
        {
            return LedgerErrors.AccountNotFound().ToResult();
        }

        Activity.Current?.SetTag("account.id", account.AccountId);
        http.Response.SetETag(account.Version);
        return TypedResults.Ok(AccountResponse.From(account));
    }

    /// <summary>The caller's accounts (GSI2), a page at a time.</summary>
    public static async Task<Results<Ok<AccountPage>, ProblemHttpResult>> ListAccountsAsync(
        HttpContext http, AccountStore store, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var userId = http.User.Id();
        if (PageSize(limit) is not { } size)
        {
            return LedgerErrors.Field("limit", $"Must be between 1 and {MaxPageSize}.").ToResult();
        }

        if (!PageCursor.TryDecode(cursor, PageScopes.AccountsOfUser(userId), out var startKey))
        {
            return ApiError.InvalidCursor().ToResult();
        }

        var (accounts, lastKey) = await store.ListByUserAsync(userId, size, startKey, cancellationToken);
        return TypedResults.Ok(new AccountPage([.. accounts.Select(AccountResponse.From)], PageCursor.Encode(lastKey)));
    }

    /// <summary>Closes an empty account; <c>If-Match</c> is honoured (412 on a stale version).</summary>
    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> CloseAccountAsync(
        string accountId, HttpContext http, AccountService service, CancellationToken cancellationToken)
    {
        var command = new CloseAccount(http.User.Id(), accountId, version => VersionETag.IfMatchAllows(http.Request, version));
        var closed = await service.CloseAsync(command, http.GetIdempotency(), cancellationToken);
        if (!closed.Succeeded)
        {
            return closed.Error.ToResult();
        }

        http.Response.SetETag(closed.Value.Version);
        return TypedResults.Ok(closed.Value);
    }

    /// <summary>The page size asked for (default 50), or null when out of range.</summary>
    public static int? PageSize(int? limit) => limit switch
    {
        null => DefaultPageSize,
        >= 1 and <= MaxPageSize => limit,
        _ => null,
    };
}
