using Scalar.AspNetCore;

namespace Gateway.ApiReference;

/// <summary>
/// Development only: an interactive reference of both services' OpenAPI documents at <c>/api-reference</c>, the
/// documents themselves proxied at <c>/openapi/cart-api.json</c> and <c>/openapi/payments-api.json</c> (routes in
/// <c>appsettings.Development.json</c>). Deployed, the gateway serves neither.
/// </summary>
internal static class ApiReferenceExtensions
{
    public const string Path = "/api-reference";

    // Scalar's page runs its bundled script with an inline configuration; it loads nothing from elsewhere.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        // The documents name the address each service listens on; requests from the page go through the gateway
        // instead (its device cookie, token validation and limits), at the page's own origin.
        app.MapScalarApiReference(Path, options => options
                .WithTitle("Cart and payments platform")
                .AddServer("/", "The gateway")
                .AddDocument("cart-api", "Cart API", routePattern: "/openapi/cart-api.json", isDefault: true)
                .AddDocument("payments-api", "Payments API", routePattern: "/openapi/payments-api.json"))
            .WithMetadata(new ContentSecurityPolicyMetadata(PagePolicy));
        return app;
    }
}
