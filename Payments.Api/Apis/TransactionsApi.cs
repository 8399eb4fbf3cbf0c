using System.Security.Claims;

namespace Payments.Api.Apis;

/// <summary>
/// Reading transactions: by id (GSI1), an account's statement (<c>SK BETWEEN</c>), the merchant view (GSI3), and an
/// account's audit history.
/// Every caller sees only their own transactions, except a merchant (a token whose <c>merchant_id</c> claim names
/// the merchant), who sees every payment and refund made to it.
/// </summary>
internal static class TransactionsApi
{
    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Transactions").RequireAuthorization(Caller.SignedInPolicy);

        group.MapGet("/transactions/{txnId}", GetTransactionAsync).WithName("GetTransaction").WithResponseExample(StatusCodes.Status200OK, LedgerExamples.Paid);
        group.MapGet("/accounts/{accountId}/transactions", StatementAsync).WithName("GetStatement")
            .WithResponseExample(StatusCodes.Status200OK, LedgerExamples.Statement);
        group.MapGet("/merchants/{merchantId}/transactions", MerchantTransactionsAsync).WithName("GetMerchantTransactions")
            .WithResponseExample(StatusCodes.Status200OK, LedgerExamples.MerchantTransactions);
        group.MapGet("/accounts/{accountId}/audit", AuditHistoryAsync).WithName("GetAuditHistory")
            .WithResponseExample(StatusCodes.Status200OK, LedgerExamples.AuditHistory);

        return app;
    }

    /// <summary>One of the caller's transactions, found by id on GSI1 or, written a moment ago, in the table.</summary>
    public static async Task<Results<Ok<TransactionResponse>, ProblemHttpResult>> GetTransactionAsync(
        string txnId, HttpContext http, TransactionFinder transactions, CancellationToken cancellationToken)
    {
        var lookup = await transactions.FindOwnedAsync(txnId, http.User.Id(), cancellationToken);
        return lookup.Found is { } txn ? TypedResults.Ok(TransactionResponse.From(txn)) : LedgerErrors.TransactionNotFound().ToResult();
    }

    /// <summary>The statement of one of the caller's accounts, oldest first: <c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>, both days included.</summary>
    public static async Task<Results<Ok<TransactionPage>, ProblemHttpResult>> StatementAsync(
        string accountId, HttpContext http, AccountStore accounts, TransactionStore transactions, CancellationToken cancellationToken,
        string? from = null, string? to = null, int? limit = null, string? cursor = null)
    {
        var period = StatementPeriod.Parse(from, to);
        if (!period.Succeeded)
        {
            return period.Error.ToResult();
        }

        if (AccountsApi.PageSize(limit) is not { } size)
        {
            return LedgerErrors.Field("limit", "Must be between 1 and 100.").ToResult();
        }

        if (await accounts.FindOwnedAsync(accountId, http.User.Id(), cancellationToken) is null)
        {
            return LedgerErrors.AccountNotFound().ToResult();
        }

        if (!PageCursor.TryDecode(cursor, PageScopes.Statement(accountId, period.Value.FromTimestamp, period.Value.ToTimestamp), out var startKey))
        {
            return ApiError.InvalidCursor().ToResult();
        }

        var (items, lastKey) = await transactions.StatementAsync(accountId, period.Value.FromTimestamp, period.Value.ToTimestamp, size, startKey, cancellationToken);
        return TypedResults.Ok(new TransactionPage([.. items.Select(TransactionResponse.From)], PageCursor.Encode(lastKey)));
    }

    /// <summary>
    /// A merchant's transactions in time order (GSI3). The merchant itself (claim <c>merchant_id</c>) sees all of
    /// them; any other signed-in user sees only their own transactions with that merchant.
    /// </summary>
    public static async Task<Results<Ok<TransactionPage>, ProblemHttpResult>> MerchantTransactionsAsync(
        string merchantId, HttpContext http, TransactionStore transactions, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null)
    {
        if (!PaymentValidation.IsMerchantId(merchantId))
        {
            return ApiError.NotFound("The merchant was not found.").ToResult();
        }

        if (AccountsApi.PageSize(limit) is not { } size)
        {
            return LedgerErrors.Field("limit", "Must be between 1 and 100.").ToResult();
        }

        if (!IsMerchant(http.User, merchantId))
        {
            // A shopper sees their own transactions with the merchant, and a cursor that names nobody else's row.
            if (!PageCursor.TryDecode(cursor, PageScopes.ShopperMerchantTransactions(merchantId), out var position))
            {
                return ApiError.InvalidCursor().ToResult();
            }

            var (own, next) = await transactions.ByMerchantForUserAsync(merchantId, http.User.Id(), size, MerchantPosition.FromCursorKey(position), cancellationToken);
            return TypedResults.Ok(new TransactionPage([.. own.Select(TransactionResponse.From)], PageCursor.Encode(next?.ToCursorKey(merchantId))));
        }

        if (!PageCursor.TryDecode(cursor, PageScopes.MerchantTransactions(merchantId), out var startKey))
        {
            return ApiError.InvalidCursor().ToResult();
        }

        var (items, lastKey) = await transactions.ByMerchantAsync(merchantId, size, startKey, cancellationToken);
        return TypedResults.Ok(new TransactionPage([.. items.Select(TransactionResponse.From)], PageCursor.Encode(lastKey)));
    }

    /// <summary>An account's audit history, newest first, a page at a time.</summary>
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> AuditHistoryAsync(
        string accountId, HttpContext http, AccountStore accounts, TransactionStore transactions, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null)
    {
        if (AccountsApi.PageSize(limit) is not { } size)
        {
            return LedgerErrors.Field("limit", "Must be between 1 and 100.").ToResult();
        }

        if (await accounts.FindOwnedAsync(accountId, http.User.Id(), cancellationToken) is null)
        {
            return LedgerErrors.AccountNotFound().ToResult();
        }

        if (!PageCursor.TryDecode(cursor, PageScopes.Audit(accountId), out var startKey))
        {
            return ApiError.InvalidCursor().ToResult();
        }

        var (entries, lastKey) = await transactions.AuditAsync(accountId, size, startKey, cancellationToken);
        return TypedResults.Ok(new AuditPage([.. entries.Select(AuditResponse.From)], PageCursor.Encode(lastKey)));
    }

    private static bool IsMerchant(ClaimsPrincipal user, string merchantId) =>
        user.FindAll(Caller.MerchantClaim).Any(claim => claim.Value == merchantId);
}
