using Idempotency;

namespace Payments.Api.Application;

/// <summary>
/// Decides changes to a user's beneficiaries: each write is conditional on the version read. Without an Idempotency-Key a
/// concurrent change is a 409; with one, the write is retried on a fresh read (which a stale <c>If-Match</c> then refuses with 412).
/// </summary>
internal sealed class BeneficiaryService(BeneficiaryStore store, LedgerWriter writer, TimeProvider time)
{
    /// <summary>
    /// Without an Idempotency-Key, one Put. With one, the beneficiary and the key's completed record are one transaction,
    /// so a retry after an answer that never arrived (the beneficiary written, the client told 503) replays instead of
    /// adding it again.
    /// </summary>
    public async Task<Outcome<Beneficiary>> AddAsync(AddBeneficiary command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var now = time.GetUtcTimestamp();
        var beneficiary = new Beneficiary(Guid.NewGuid().ToString("N"), command.UserId, command.Name, command.Iban, command.Nickname, 1, now, now);
        if (idempotency is null)
        {
            return await store.TryWriteAsync(beneficiary, previousVersion: null, cancellationToken) ? beneficiary : AlreadyExists();
        }

        var added = await writer.CommitAsync(idempotency, new LedgerPlan<BeneficiaryResponse>.Commit(
            [store.Create(beneficiary)], StatusCodes.Status201Created, BeneficiaryResponse.From(beneficiary),
            VersionETag.Format(beneficiary.Version), ResourceLocations.Beneficiary(beneficiary.BeneficiaryId)), cancellationToken);
        return added.Succeeded ? beneficiary : added.Error;
    }

    /// <summary>
    /// Without an Idempotency-Key, one conditional Put. With one, the conditional Put and the key's completed record are
    /// one transaction, so a retry after an answer that never arrived (the beneficiary replaced, the client told 503)
    /// replays the 200 instead of meeting the version it moved itself (412).
    /// </summary>
    public async Task<Outcome<BeneficiaryResponse>> ReplaceAsync(ReplaceBeneficiary command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        if (idempotency is null)
        {
            var current = await ReadToChangeAsync(command.UserId, command.BeneficiaryId, command.IfMatch, cancellationToken);
            if (!current.Succeeded)
            {
                return current.Error;
            }

            var replaced = Replaced(current.Value, command);
            return await store.TryWriteAsync(replaced, current.Value.Version, cancellationToken) ? BeneficiaryResponse.From(replaced) : ChangedConcurrently();
        }

        var outcome = await writer.ExecuteAsync<BeneficiaryResponse>(idempotency, async (_, ct) =>
        {
            var current = await ReadToChangeAsync(command.UserId, command.BeneficiaryId, command.IfMatch, ct);
            if (!current.Succeeded)
            {
                return current.Error;
            }

            var replaced = Replaced(current.Value, command);
            return new LedgerPlan<BeneficiaryResponse>.Commit(
                [store.Replace(replaced, current.Value.Version)], StatusCodes.Status200OK, BeneficiaryResponse.From(replaced), VersionETag.Format(replaced.Version));
        }, cancellationToken);
        return outcome.Succeeded ? outcome.Value.Body : outcome.Error;
    }

    /// <summary>
    /// Without an Idempotency-Key, one conditional Delete. With one, the conditional Delete and the key's completed record
    /// (a 204 without a body) are one transaction, so a retry after a lost answer replays the 204 instead of a 404.
    /// </summary>
    public async Task<ApiError?> DeleteAsync(DeleteBeneficiary command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        if (idempotency is null)
        {
            var current = await ReadToChangeAsync(command.UserId, command.BeneficiaryId, command.IfMatch, cancellationToken);
            if (!current.Succeeded)
            {
                return current.Error;
            }

            return await store.TryDeleteAsync(command.UserId, command.BeneficiaryId, current.Value.Version, cancellationToken) ? null : ChangedConcurrently();
        }

        var outcome = await writer.ExecuteAsync<BeneficiaryResponse?>(idempotency, async (_, ct) =>
        {
            var current = await ReadToChangeAsync(command.UserId, command.BeneficiaryId, command.IfMatch, ct);
            if (!current.Succeeded)
            {
                return current.Error;
            }

            return new LedgerPlan<BeneficiaryResponse?>.Commit(
                [store.Delete(command.UserId, command.BeneficiaryId, current.Value.Version)], StatusCodes.Status204NoContent, Body: null);
        }, cancellationToken);
        return outcome.Error;
    }

    public static ApiError NotFound() => ApiError.NotFound("The beneficiary was not found.");

    /// <summary>The beneficiary as it is now, or why it may not be changed: 404, or 412 when <paramref name="ifMatch"/> refuses its version.</summary>
    private async Task<Outcome<Beneficiary>> ReadToChangeAsync(string userId, string beneficiaryId, Predicate<long> ifMatch, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(userId, beneficiaryId, cancellationToken);
        return current is null ? NotFound()
            : !ifMatch(current.Version) ? ApiError.PreconditionFailed("The beneficiary has changed since it was read.")
            : current;
    }

    private Beneficiary Replaced(Beneficiary current, ReplaceBeneficiary command) => current with
    {
        Name = command.Name,
        Iban = command.Iban,
        Nickname = command.Nickname,
        Version = current.Version + 1,
        UpdatedAt = time.GetUtcTimestamp(),
    };

    private static ApiError AlreadyExists() => ApiError.Conflict("A beneficiary with this id already exists.");

    private static ApiError ChangedConcurrently() => ApiError.Conflict("The beneficiary changed concurrently; read it again and retry.");
}
