namespace Cart.Api.Carts;

/// <summary>The cart endpoints.</summary>
internal static class CartsApi
{
    public static IEndpointRouteBuilder MapCartsApi(this IEndpointRouteBuilder app)
    {
        var carts = app.MapGroup("/carts").WithTags("Carts");

        carts.MapPost("", CreateCartAsync).WithName("CreateCart");
        carts.MapGet("/{cartId}", GetCartAsync).WithName("GetCart");
        carts.MapPost("/{cartId}/items", AddItemAsync).WithName("AddCartItem");

        return app;
    }

    /// <summary>Creates a guest cart bound to the request's device cookie (when present).</summary>
    public static async Task<Results<Created<CreateCartResponse>, ProblemHttpResult>> CreateCartAsync(
        CreateCartRequest? request,
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
    {
        var currency = CartValidation.CurrencyOf(request);
        if (!currency.Succeeded)
        {
            return currency.Error.ToResult();
        }

        var now = services.Time.GetUtcNow();
        var timestamp = now.ToUtcTimestamp();
        var deviceId = DeviceIdCookie.Read(context.Request);
        var header = new CartHeader(
            CartIds.New(),
            currency.Value,
            CartStatus.Open,
            Version: 1,
            CreatedAt: timestamp,
            UpdatedAt: timestamp,
            Ttl: CartRules.GuestExpiry(now, services.Options.Value.GuestCartLifetime),
            DeviceId: deviceId,
            UserId: null);

        await services.Store.CreateAsync(header, cancellationToken);
        Activity.Current?.SetTag("cart.id", header.CartId);
        CartLog.CartCreated(services.Logger, header.CartId, header.Currency, deviceId is not null);

        await services.Cache.StoreAsync(CartRenderer.Render(new CartSnapshot(header, [], [])), waitForRedis: true);

        context.Response.SetETag(header.Version);
        return TypedResults.Created($"/carts/{header.CartId}", new CreateCartResponse(header.CartId));
    }

    /// <summary>Reads a cart: Redis first, then a consistent DynamoDB read that refills the cache.</summary>
    public static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> GetCartAsync(
        string cartId,
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
    {
        if (!CartIds.IsWellFormed(cartId))
        {
            return CartErrors.NotFound().ToResult();
        }

        Activity.Current?.SetTag("cart.id", cartId);
        var document = await services.Cache.TryGetAsync(cartId);
        if (document is null)
        {
            var cart = await services.Store.LoadAsync(cartId, cancellationToken);
            if (cart is null || cart.Header.IsExpiredAt(services.Time.GetUtcNow()))
            {
                return CartErrors.NotFound().ToResult();
            }

            document = CartRenderer.Render(cart);
            await services.Cache.StoreAsync(document, waitForRedis: false);
        }

        context.Response.SetETag(document.Version);
        return TypedResults.Ok(document);
    }

    /// <summary>Adds a quantity to the line of (sku, attrs); honours <c>If-Match</c>.</summary>
    public static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> AddItemAsync(
        string cartId,
        AddItemRequest request,
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
    {
        var addition = CartValidation.Validate(request);
        if (!addition.Succeeded)
        {
            return addition.Error.ToResult();
        }

        if (!CartIds.IsWellFormed(cartId))
        {
            return CartErrors.NotFound().ToResult();
        }

        Activity.Current?.SetTag("cart.id", cartId);
        var outcome = await services.Mutations.AddItemAsync(
            cartId,
            addition.Value,
            version => VersionETag.IfMatchAllows(context.Request, version),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Error.ToResult();
        }

        context.Response.SetETag(outcome.Value.Version);
        return TypedResults.Ok(outcome.Value);
    }
}
