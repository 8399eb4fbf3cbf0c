namespace Cart.Api.Extensions;

internal static class Extensions
{
    /// <summary>Everything Cart.Api needs: the carts table, Redis, options, JSON metadata and the cart services.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDynamoDbClient();
        builder.AddDynamoDbTable(CartTable.Definition);
        builder.AddRedisClient("redis");

        builder.Services.AddOptions<CartOptions>()
            .BindConfiguration(CartOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CartOptions>, CartOptionsValidator>();

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, CartJsonContext.Default);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        builder.Services.AddSingleton<CartStore>();
        builder.Services.AddSingleton<CartCache>();
        builder.Services.AddSingleton<CartMutations>();
    }
}
