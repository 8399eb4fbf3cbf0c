using DynamoDbStreams.Processing;

namespace Events.Worker.Streams;

/// <summary>Rejects lease timings that would let two workers hold one shard, and batch sizes DynamoDB Streams refuses, at start-up.</summary>
internal sealed class StreamsWorkerOptionsValidator : IValidateOptions<StreamsWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamsWorkerOptions options) =>
        options.LeaseDuration > options.SafetyMargin + options.RenewInterval && options.BatchSize is > 0 and <= 1000 && !string.IsNullOrWhiteSpace(options.WorkerId)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Streams: LeaseDuration must exceed SafetyMargin + RenewInterval; BatchSize is 1..1000; WorkerId is required.");
}
