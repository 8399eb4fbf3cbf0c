using Idempotency;

namespace Payments.Api.Accounts;

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
        accounts.MapGet("", ListAccountsAsync).WithName("ListMyAccounts");
        accounts.MapGet("/{accountId}", GetAccountAsync).WithName("GetAccount").WithETag().WithResponseExample(StatusCodes.Status200OK, LedgerExamples.Funded);
        accounts.MapPost("/{accountId}/close", CloseAccountAsync).WithName("CloseAccount").WithIfMatch().WithCallerIdempotency(required: false, KeyClaim.WithTransaction);

        return app;
    }

    /// <summary>Opens an ACTIVE account with a zero balance for the signed-in user.</summary>
    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateAccountAsync(
        CreateAccountRequest request, HttpContext http, [AsParameters] LedgerServices services, CancellationToken cancellationToken)
    {
        var currency = AccountValidation.Validate(request);
        if (!currency.Succeeded)
        {
            return currency.Error.ToResult();
        }

        var userId = http.User.Id();
        var outcome = await services.Writer.ExecuteAsync<AccountResponse>(http.GetIdempotency(), (_, _) =>
        {
            var now = services.Time.GetUtcTimestamp();
            var account = new Account(Guid.NewGuid().ToString("N"), userId, currency.Value, 0, AccountStatus.Active, 1, now, now);
            var opened = AuditEntry.For(account.AccountId, AuditEvents.AccountOpened, userId, now, currency: account.Currency);
            LedgerPlan<AccountResponse> plan = new LedgerPlan<AccountResponse>.Commit(
                [services.Accounts.Open(account), opened.ToPut(services.Table.Value)],
                StatusCodes.Status201Created, AccountResponse.From(account), VersionETag.Format(account.Version), Location(account.AccountId));
            return Task.FromResult(plan);
        }, cancellationToken);

        if (!outcome.Succeeded)
        {
            return outcome.Error.ToResult();
        }

        Activity.Current?.SetTag("account.id", outcome.Value.Body.AccountId);
        http.Response.SetETag(outcome.Value.Body.Version);
        return TypedResults.Created(outcome.Value.Location, outcome.Value.Body);
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
        string accountId, HttpContext http, [AsParameters] LedgerServices services, CancellationToken cancellationToken)
    {
        var userId = http.User.Id();
        var outcome = await services.Writer.ExecuteAsync<AccountResponse>(http.GetIdempotency(), async (_, ct) =>
        {
            var account = await services.Accounts.FindOwnedAsync(accountId, userId, ct);
            if (account is null)
            {
                return LedgerErrors.AccountNotFound();
            }

            if (!VersionETag.IfMatchAllows(http.Request, account.Version))
            {
                return ApiError.PreconditionFailed("The account has changed since it was read.");
            }

            if (account.Status != AccountStatus.Active)
            {
                return LedgerErrors.AccountNotActive(account.Status);
            }

            if (account.Balance != 0)
            {
                return ApiError.Conflict("Only an account with a zero balance can be closed.");
            }

            var now = services.Time.GetUtcTimestamp();
            var closed = account with { Status = AccountStatus.Closed, Version = account.Version + 1, UpdatedAt = now };
            var audit = AuditEntry.For(accountId, AuditEvents.AccountClosed, userId, now);
            return new LedgerPlan<AccountResponse>.Commit(
                [services.Accounts.Close(account, now), audit.ToPut(services.Table.Value)],
                StatusCodes.Status200OK, AccountResponse.From(closed), VersionETag.Format(closed.Version));
        }, cancellationToken);

        if (!outcome.Succeeded)
        {
            return outcome.Error.ToResult();
        }

        http.Response.SetETag(outcome.Value.Body.Version);
        return TypedResults.Ok(outcome.Value.Body);
    }

    /// <summary>The page size asked for (default 50), or null when out of range.</summary>
    public static int? PageSize(int? limit) => limit switch
    {
        null => DefaultPageSize,
        >= 1 and <= MaxPageSize => limit,
        _ => null,
    };

    private static string Location(string accountId) => $"/accounts/{accountId}";
}
