using System.ComponentModel.DataAnnotations;

namespace Canary.Shopping;

/// <summary>What the canary does and how often (section <c>Canary</c>).</summary>
internal sealed class CanaryOptions
{
    public const string SectionName = "Canary";

    /// <summary>Time between runs; the first run waits one interval too, so the canary adds nothing to start-up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The gateway, as service discovery names it.</summary>
    [Required]
    public Uri Gateway { get; set; } = new("http://gateway");

    /// <summary>The product the shopper adds and removes: a sku of the catalog, priced in the cart's currency (USD).</summary>
    [Required]
    [RegularExpression(@"\A[A-Za-z0-9._-]{1,64}\z")]
    public string Sku { get; set; } = "SKU-1";

    /// <summary>After this many failed runs in a row the <c>canary</c> health check reports Unhealthy (Degraded before).</summary>
    [Range(1, 100)]
    public int FailuresBeforeUnhealthy { get; set; } = 3;
}

[OptionsValidator]
internal sealed partial class CanaryOptionsValidator : IValidateOptions<CanaryOptions>;
