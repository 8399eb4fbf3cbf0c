using Idempotency;

namespace Payments.Api.Application;

/// <summary>Decides the opening and closing of accounts; each decision commits with its audit entry and the key's record.</summary>
internal sealed class AccountService(AccountStore accounts, LedgerWriter writer, PaymentsTableName table, TimeProvider time)
{
    public async Task<Outcome<AccountResponse>> OpenAsync(OpenAccount command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var outcome = await writer.ExecuteAsync(idempotency, (_, _) => Task.FromResult(PlanOpening(command)), cancellationToken);
        return outcome.Succeeded ? outcome.Value.Body : outcome.Error;
    }

    /// <summary>Reads the account on every attempt, so a retry after a concurrent change decides on the fresh state.</summary>
    public async Task<Outcome<AccountResponse>> CloseAsync(CloseAccount command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var outcome = await writer.ExecuteAsync<AccountResponse>(idempotency, async (_, ct) =>
        {
            var account = await accounts.FindOwnedAsync(command.AccountId, command.UserId, ct);
            if (account is null)
            {
                return LedgerErrors.AccountNotFound();
            }

            if (!command.IfMatch(account.Version))
            {
                return ApiError.PreconditionFailed("The account has changed since it was read.");
            }

            return AccountRules.FirstRefusal(AccountRules.Close(account), account) is { } refused ? refused : PlanClosing(account, command.UserId);
        }, cancellationToken);
        return outcome.Succeeded ? outcome.Value.Body : outcome.Error;
    }

    private LedgerPlan<AccountResponse> PlanOpening(OpenAccount command)
    {
        var now = time.GetUtcTimestamp();
        var account = new Account(Guid.NewGuid().ToString("N"), command.UserId, command.Currency, 0, AccountStatus.Active, 1, now, now);
        var opened = AuditEntry.For(account.AccountId, AuditEvents.AccountOpened, command.UserId, now, currency: account.Currency);
        return new LedgerPlan<AccountResponse>.Commit(
            [accounts.Open(account), AuditItemMapper.Append(table.Value, opened)],
            StatusCodes.Status201Created, AccountResponse.From(account), VersionETag.Format(account.Version), ResourceLocations.Account(account.AccountId));
    }

    private LedgerPlan<AccountResponse> PlanClosing(Account account, string userId)
    {
        var now = time.GetUtcTimestamp();
        var closed = account with { Status = AccountStatus.Closed, Version = account.Version + 1, UpdatedAt = now };
        var audit = AuditEntry.For(account.AccountId, AuditEvents.AccountClosed, userId, now);
        return new LedgerPlan<AccountResponse>.Commit(
            [accounts.Close(account, now), AuditItemMapper.Append(table.Value, audit)],
            StatusCodes.Status200OK, AccountResponse.From(closed), VersionETag.Format(closed.Version));
    }
}
