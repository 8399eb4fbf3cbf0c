using System.Globalization;
using DynamoDbStorage;

namespace Idempotency;

/// <summary>The DynamoDB shape of an idempotency record, and the conditions that guard it — in one place.</summary>
public static class IdempotencyItem
{
    public const string PartitionKey = StorageContracts.KeyAttributes.PartitionKey;
    public const string SortKey = StorageContracts.KeyAttributes.SortKey;
    public const string Entity = "entity";
    public const string EntityName = "IdempotencyRecord";
    public const string Status = "status";
    public const string Fingerprint = "fingerprint";
    public const string ClaimId = "claimId";
    public const string CreatedAt = "createdAt";
    public const string ExpiresAt = "expiresAt";
    public const string TimeToLive = StorageContracts.KeyAttributes.TimeToLive;
    public const string LeaseUntil = "leaseUntil";
    public const string ResponseStatus = "responseStatus";
    public const string ResponseBody = "responseBody";
    public const string ResponseContentType = "responseContentType";
    public const string ResponseHeaders = "responseHeaders";

    private const string InProgressValue = "IN_PROGRESS";
    private const string CompletedValue = "COMPLETED";

    /// <summary>A claim may take the key when nobody holds it: no record, an expired one, or an abandoned claim.</summary>
    public const string ClaimCondition =
        "attribute_not_exists(#pk) OR #ttl <= :nowSeconds OR (#status = :inProgress AND #leaseUntil <= :nowMillis)";

    /// <summary>Completing or releasing is allowed only while our claim still stands.</summary>
    public const string OwnClaimCondition = "#status = :inProgress AND #claimId = :claimId";

    public static Dictionary<string, AttributeValue> ToAttributes(IdempotencyScope scope, IdempotencyRecord record)
    {
        var item = scope.Key();
        item[Entity] = new AttributeValue(EntityName);
        item[Status] = new AttributeValue(record.Status == IdempotencyStatus.Completed ? CompletedValue : InProgressValue);
        item[Fingerprint] = new AttributeValue(record.Fingerprint);
        item[ClaimId] = new AttributeValue(record.ClaimId);
        item[CreatedAt] = new AttributeValue(record.CreatedAt.ToUtcTimestamp());
        item[ExpiresAt] = new AttributeValue(record.ExpiresAt.ToUtcTimestamp());
        item[TimeToLive] = Number(record.ExpiresAt.ToUnixTimeSeconds());
        item[LeaseUntil] = Number(record.LeaseUntil.ToUnixTimeMilliseconds());
        if (record.Response is { } response)
        {
            item[ResponseStatus] = Number(response.StatusCode);
            if (!response.IsBodyless)
            {
                // An answer without a body (204) stores neither: absent, they read back as one without a body.
                item[ResponseBody] = new AttributeValue(response.Body);
                item[ResponseContentType] = new AttributeValue(response.ContentType);
            }
            if (response.Headers.Count > 0)
            {
                item[ResponseHeaders] = new AttributeValue
                {
                    M = response.Headers.ToDictionary(h => h.Key, h => new AttributeValue(h.Value)),
                };
            }
        }

        return item;
    }

    public static IdempotencyRecord? FromAttributes(Dictionary<string, AttributeValue>? item)
    {
        if (item is null || item.Count == 0 || !item.ContainsKey(Fingerprint))
        {
            return null;
        }

        StoredResponse? response = null;
        if (item.TryGetValue(ResponseStatus, out var status))
        {
            var statusCode = int.Parse(status.N, CultureInfo.InvariantCulture);
            var headers = item.TryGetValue(ResponseHeaders, out var stored) && stored.M is { } map
                ? map.ToDictionary(h => h.Key, h => h.Value.S)
                : new Dictionary<string, string>();
            response = item.TryGetValue(ResponseBody, out var body) && body.S is { Length: > 0 } text
                ? new StoredResponse(statusCode, text, item.TryGetValue(ResponseContentType, out var type) ? type.S : "application/json", headers)
                : StoredResponse.WithoutBody(statusCode, headers);
        }

        return new IdempotencyRecord(
            item[Fingerprint].S,
            item[Status].S == CompletedValue ? IdempotencyStatus.Completed : IdempotencyStatus.InProgress,
            item.TryGetValue(ClaimId, out var claim) ? claim.S : "",
            DateTimeOffset.Parse(item[CreatedAt].S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(item[TimeToLive].N, CultureInfo.InvariantCulture)),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item[LeaseUntil].N, CultureInfo.InvariantCulture)),
            response);
    }

    public static Dictionary<string, string> ClaimNames() => new()
    {
        ["#pk"] = PartitionKey,
        ["#ttl"] = TimeToLive,
        ["#status"] = Status,
        ["#leaseUntil"] = LeaseUntil,
    };

    public static Dictionary<string, AttributeValue> ClaimValues(DateTimeOffset now) => new()
    {
        [":nowSeconds"] = Number(now.ToUnixTimeSeconds()),
        [":nowMillis"] = Number(now.ToUnixTimeMilliseconds()),
        [":inProgress"] = new AttributeValue(InProgressValue),
    };

    public static Dictionary<string, string> OwnClaimNames() => new()
    {
        ["#status"] = Status,
        ["#claimId"] = ClaimId,
    };

    public static Dictionary<string, AttributeValue> OwnClaimValues(string claimId) => new()
    {
        [":inProgress"] = new AttributeValue(InProgressValue),
        [":claimId"] = new AttributeValue(claimId),
    };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
