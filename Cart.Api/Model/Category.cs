namespace Cart.Api.Model;

/// <summary>A catalog category: its slug (the key in URLs and the index) and its display name.</summary>
internal sealed record Category(string Slug, string Name);
