namespace DynamoDbStreams.Client;

/// <summary>What a stream ARN (<c>arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/&lt;table&gt;/stream/&lt;label&gt;</c>) says.</summary>
public static class StreamArns
{
    /// <summary>The name of the table whose stream it is; null when the ARN is not a stream's.</summary>
    public static string? TableOf(string streamArn)
    {
        ArgumentNullException.ThrowIfNull(streamArn);
        // The label is a timestamp with colons of its own: the resource is everything after the fifth colon.
        var parts = streamArn.Split(':', 6);
        return parts is [_, _, "dynamodb", _, _, var resource] && resource.Split('/') is ["table", { Length: > 0 } table, "stream", { Length: > 0 }]
            ? table
            : null;
    }

    /// <summary>The stream's label (its creation time, <c>2026-12-01T03:41:40.020</c>): what follows <c>/stream/</c>; empty when the ARN is not a stream's.</summary>
    public static string LabelOf(string streamArn)
    {
        ArgumentNullException.ThrowIfNull(streamArn);
        var at = streamArn.LastIndexOf("/stream/", StringComparison.Ordinal);
        return at < 0 ? string.Empty : streamArn[(at + "/stream/".Length)..];
    }
}
