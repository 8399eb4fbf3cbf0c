namespace Cart.Api.Apis;

/// <summary>
/// Development administration under <c>/admin</c> (prices, stock and shards, delivery slots): mapped only when
/// <see cref="CartOptions.AdminEndpoints"/> is on (by default in Development), signed-in callers only.
/// </summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<CartOptions>>().Value;
        if (!(options.AdminEndpoints ?? app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment()))
        {
            return app;
        }

        var admin = app.MapGroup("/admin").WithTags("Admin").RequireAuthorization();
        admin.MapCatalogAdmin();
        admin.MapStockAdmin();
        admin.MapSlotAdmin();
        return app;
    }
}
