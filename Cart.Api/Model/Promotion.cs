namespace Cart.Api.Model;

/// <summary>A <c>PROMO#&lt;code&gt;</c> entry: a percentage or a fixed amount off one line (per unit) or the whole cart.</summary>
internal sealed record Promotion(string Code, PromotionKind Kind, PromotionScope Scope, long Value, string? Currency, string Description);

internal enum PromotionKind
{
    /// <summary><see cref="Promotion.Value"/> is whole percent (1..100).</summary>
    Percentage,

    /// <summary><see cref="Promotion.Value"/> is minor units of <see cref="Promotion.Currency"/>.</summary>
    Fixed,
}

internal enum PromotionScope
{
    /// <summary>Discounts the line the code is applied to (a fixed amount is per unit).</summary>
    Item,

    /// <summary>Discounts the cart once, after per-item discounts.</summary>
    Cart,
}
