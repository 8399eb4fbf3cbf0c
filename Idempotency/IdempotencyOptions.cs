using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Idempotency;

/// <summary>How long records live and how long a claim protects a request in flight.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>A completed request replays for this long (24 h, as the draft suggests); then the key is free again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan RecordLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A request in flight holds its key this long; a crashed request's key is free after it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
}

[OptionsValidator]
internal sealed partial class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>;
