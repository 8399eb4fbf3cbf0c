using System.Text.Json.Nodes;

namespace HostingIntegrations.DynamoDBFaults;

/// <summary>DynamoDB's error answers (JSON 1.0 protocol), as the AWS SDK parses them: <c>__type</c> names the exception.</summary>
public static class DynamoDBErrors
{
    public const string ProvisionedThroughputExceeded = "ProvisionedThroughputExceededException";
    public const string Throttling = "ThrottlingException";
    public const string RequestLimitExceeded = "RequestLimitExceeded";

    /// <summary>The throttling errors a <see cref="DynamoDBFaultKind.Throttle"/> fault can answer with.</summary>
    public static IReadOnlyList<string> ThrottlingErrors { get; } = [ProvisionedThroughputExceeded, Throttling, RequestLimitExceeded];

    internal const string ContentType = "application/x-amz-json-1.0";

    /// <summary>
    /// A throttled call. A transaction is not throttled as a whole: DynamoDB cancels it and names the throttled item
    /// in its cancellation reasons, which is the case services must classify themselves.
    /// </summary>
    internal static (int Status, string Body) Throttled(string operation, ReadOnlySpan<byte> requestBody, string error)
    {
        if (operation is "TransactWriteItems" or "TransactGetItems")
        {
            var reasons = new JsonArray();
            for (var i = 0; i < Math.Max(1, CountTransactItems(requestBody)); i++)
            {
                reasons.Add(i == 0
                    ? new JsonObject { ["Code"] = "ThrottlingError", ["Message"] = "Throughput exceeds the current capacity of your table or index." }
                    : new JsonObject { ["Code"] = "None" });
            }

            var codes = string.Join(", ", reasons.Select(reason => (string?)reason!["Code"]));
            return (400, new JsonObject
            {
                ["__type"] = "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                ["CancellationReasons"] = reasons,
                ["Message"] = $"Transaction cancelled, please refer cancellation reasons for specific reasons [{codes}]",
            }.ToJsonString());
        }

        var type = error == Throttling ? "com.amazon.coral.availability#ThrottlingException" : $"com.amazonaws.dynamodb.v20120810#{error}";
        return (400, Error(type, "Rate of requests exceeds the allowed throughput (injected fault)."));
    }

    internal static (int Status, string Body) InternalServerError() =>
        (500, Error("com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error (injected fault)."));

    private static string Error(string type, string message) => new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString();

    private static int CountTransactItems(ReadOnlySpan<byte> requestBody) =>
        RequestJson.ObjectOf(requestBody)?["TransactItems"] is JsonArray items ? items.Count : 1;
}
