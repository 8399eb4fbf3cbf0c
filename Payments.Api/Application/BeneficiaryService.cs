using Idempotency;

namespace Payments.Api.Application;

/// <summary>Decides changes to a user's beneficiaries: each write is conditional on the version read, so a concurrent change is a 409.</summary>
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

    public async Task<Outcome<Beneficiary>> ReplaceAsync(ReplaceBeneficiary command, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(command.UserId, command.BeneficiaryId, cancellationToken);
        if (PreconditionRefusal(current, command.IfMatch) is { } refused)
        {
            return refused;
        }

        var replaced = current! with
        {
            Name = command.Name,
            Iban = command.Iban,
            Nickname = command.Nickname,
            Version = current.Version + 1,
            UpdatedAt = time.GetUtcTimestamp(),
        };
        return await store.TryWriteAsync(replaced, current.Version, cancellationToken) ? replaced : ChangedConcurrently();
    }

    public async Task<ApiError?> DeleteAsync(DeleteBeneficiary command, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(command.UserId, command.BeneficiaryId, cancellationToken);
        if (PreconditionRefusal(current, command.IfMatch) is { } refused)
        {
            return refused;
        }

        return await store.TryDeleteAsync(command.UserId, command.BeneficiaryId, current!.Version, cancellationToken) ? null : ChangedConcurrently();
    }

    public static ApiError NotFound() => ApiError.NotFound("The beneficiary was not found.");

    private static ApiError? PreconditionRefusal(Beneficiary? current, Predicate<long> ifMatch) =>
        current is null ? NotFound()
        : !ifMatch(current.Version) ? ApiError.PreconditionFailed("The beneficiary has changed since it was read.")
        : null;

    private static ApiError AlreadyExists() => ApiError.Conflict("A beneficiary with this id already exists.");

    private static ApiError ChangedConcurrently() => ApiError.Conflict("The beneficiary changed concurrently; read it again and retry.");
}
