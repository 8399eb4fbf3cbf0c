namespace Cart.Api.Carts;

/// <summary>A cart as read from the table, with the document rendered from it.</summary>
internal sealed record RenderedCart(CartSnapshot Cart, CartDocument Document);
