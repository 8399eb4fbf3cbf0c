using Cart.Api.Model;

namespace Cart.Api.Contracts;

/// <summary>A cart as read from the table, with its rendered view.</summary>
internal sealed record RenderedCart(CartSnapshot Cart, CartView View);
