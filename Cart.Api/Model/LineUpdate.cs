namespace Cart.Api.Model;

/// <summary>A validated <c>PATCH</c> of a line: the absolute quantity and, when sent, the promo codes that replace the line's.</summary>
internal sealed record LineUpdate(int Qty, IReadOnlyList<string>? PromoCodes);
