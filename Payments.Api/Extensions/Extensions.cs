namespace Payments.Api.Extensions;

internal static class Extensions
{
    /// <summary>Everything Payments.Api needs: the payments table, JSON metadata and the account services.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDynamoDbClient();
        builder.AddDynamoDbTable(PaymentsTable.Definition);

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, PaymentsJsonContext.Default);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        builder.Services.AddSingleton<AccountStore>();
    }
}
