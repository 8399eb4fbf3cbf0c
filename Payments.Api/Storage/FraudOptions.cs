using System.ComponentModel.DataAnnotations;

namespace Payments.Api.Storage;

/// <summary>Fraud event settings (section <c>Payments:Fraud</c>).</summary>
internal sealed class FraudOptions
{
    public const string SectionName = "Payments:Fraud";

    /// <summary>Users whose fraud events arrive too fast for one partition: their writes are spread over shards.</summary>
    public List<string> HotUsers { get; set; } = [];

    /// <summary>How many partitions a hot user's events are spread over (2–100).</summary>
    [Range(2, 100)]
    public int ShardCount { get; set; } = 8;
}

[OptionsValidator]
internal sealed partial class FraudOptionsValidator : IValidateOptions<FraudOptions>;
