using Microsoft.Extensions.Options;

namespace Idempotency;

/// <summary>
/// Claims, reads, completes and releases idempotency records with conditional writes. Completing and releasing end a
/// request's work, so load shedding never refuses them (<see cref="DynamoDbAdmission.FinishingWork"/>): a release shed
/// would leave the key claimed, and the client's retry refused as in use, until the lease runs out.
/// </summary>
public sealed class IdempotencyStore(IAmazonDynamoDB dynamodb, DynamoDbAdmission admission, TimeProvider time, IOptions<IdempotencyOptions> options)
{
    private readonly IdempotencyOptions _options = options.Value;

    public TimeProvider Time { get; } = time;

    /// <summary>The live record for a key, or null; expired and abandoned records read as absent.</summary>
    public async Task<IdempotencyRecord?> FindAsync(IdempotencyScope scope, CancellationToken cancellationToken)
    {
        var response = await dynamodb.GetItemAsync(new GetItemRequest
        {
            TableName = scope.TableName,
            Key = scope.Key(),
            ConsistentRead = true,
        }, cancellationToken);
        return IdempotencyItem.FromAttributes(response.Item);
    }

    /// <summary>A claim for this request, not yet written anywhere.</summary>
    public IdempotencyRecord NewClaim(string fingerprint)
    {
        var now = Time.GetUtcNow();
        return new IdempotencyRecord(
            fingerprint, IdempotencyStatus.InProgress, Guid.NewGuid().ToString("N"),
            now, now + _options.RecordLifetime, now + _options.Lease, Response: null);
    }

    /// <summary>Takes the key for this request: the record says IN_PROGRESS until the request completes. Null when someone holds it.</summary>
    public async Task<IdempotencyRecord?> TryClaimAsync(IdempotencyScope scope, string fingerprint, CancellationToken cancellationToken)
    {
        var claim = NewClaim(fingerprint);
        var now = claim.CreatedAt;
        try
        {
            await dynamodb.PutItemAsync(new PutItemRequest
            {
                TableName = scope.TableName,
                Item = IdempotencyItem.ToAttributes(scope, claim),
                ConditionExpression = IdempotencyItem.ClaimCondition,
                ExpressionAttributeNames = IdempotencyItem.ClaimNames(),
                ExpressionAttributeValues = IdempotencyItem.ClaimValues(now),
            }, cancellationToken);
            return claim;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The Put that turns our claim into the completed record, for a transaction or on its own: conditioned on our
    /// written claim still standing, or (a claim taken with the transaction) on the key being free.
    /// </summary>
    public Put CompletionPut(IdempotencyScope scope, IdempotencyRecord claim, KeyClaim claimed, StoredResponse response)
    {
        var put = new Put
        {
            TableName = scope.TableName,
            Item = IdempotencyItem.ToAttributes(scope, claim with
            {
                Status = IdempotencyStatus.Completed,
                Response = response,
                LeaseUntil = claim.CreatedAt,
            }),
        };
        if (claimed == KeyClaim.BeforeHandler)
        {
            put.ConditionExpression = IdempotencyItem.OwnClaimCondition;
            put.ExpressionAttributeNames = IdempotencyItem.OwnClaimNames();
            put.ExpressionAttributeValues = IdempotencyItem.OwnClaimValues(claim.ClaimId);
        }
        else
        {
            put.ConditionExpression = IdempotencyItem.ClaimCondition;
            put.ExpressionAttributeNames = IdempotencyItem.ClaimNames();
            put.ExpressionAttributeValues = IdempotencyItem.ClaimValues(Time.GetUtcNow());
        }

        return put;
    }

    /// <summary>
    /// Stores the response of a request that changed nothing in its own transaction (a 404, a 422). False when the
    /// key is someone else's: our claim was taken over, or (claimed with the transaction) another request has it.
    /// </summary>
    public async Task<bool> CompleteAsync(
        IdempotencyScope scope, IdempotencyRecord claim, KeyClaim claimed, StoredResponse response, CancellationToken cancellationToken)
    {
        var put = CompletionPut(scope, claim, claimed, response);
        using var finishing = admission.FinishingWork();
        try
        {
            await dynamodb.PutItemAsync(new PutItemRequest
            {
                TableName = put.TableName,
                Item = put.Item,
                ConditionExpression = put.ConditionExpression,
                ExpressionAttributeNames = put.ExpressionAttributeNames,
                ExpressionAttributeValues = put.ExpressionAttributeValues,
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Gives the key back after a failure that changed nothing, so a retry can run at once.</summary>
    public async Task ReleaseAsync(IdempotencyScope scope, IdempotencyRecord claim, CancellationToken cancellationToken)
    {
        using var finishing = admission.FinishingWork();
        try
        {
            await dynamodb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = scope.TableName,
                Key = scope.Key(),
                ConditionExpression = IdempotencyItem.OwnClaimCondition,
                ExpressionAttributeNames = IdempotencyItem.OwnClaimNames(),
                ExpressionAttributeValues = IdempotencyItem.OwnClaimValues(claim.ClaimId),
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Someone else holds it now, or it completed: nothing of ours to release.
        }
    }
}
