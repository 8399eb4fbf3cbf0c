namespace DynamoDbStreams.Processing;

/// <summary>A table whose stream the worker reads.</summary>
public sealed record StreamSource(string TableName);
