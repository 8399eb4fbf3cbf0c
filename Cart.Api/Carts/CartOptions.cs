using System.ComponentModel.DataAnnotations;

namespace Cart.Api.Carts;

/// <summary>Cart behaviour settings (section <c>Carts</c>).</summary>
internal sealed class CartOptions
{
    public const string SectionName = "Carts";

    /// <summary>How long a guest cart lives after its last change.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan GuestCartLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long Redis keeps a rendered cart; short, because correctness never depends on it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CacheTimeToLive { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The Redis pub/sub channel announcing committed changes (<c>&lt;cartId&gt;:&lt;version&gt;</c>).</summary>
    [Required]
    public string InvalidationChannel { get; set; } = "cart-invalidations";
}

[OptionsValidator]
internal sealed partial class CartOptionsValidator : IValidateOptions<CartOptions>;
