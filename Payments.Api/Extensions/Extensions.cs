using Idempotency;
using ServiceDefaults.Authentication;

namespace Payments.Api.Extensions;

internal static class Extensions
{
    /// <summary>Everything Payments.Api needs: authentication, the payments table, idempotency, JSON metadata, OpenAPI and the stores.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddSignedInPolicy();

        builder.AddDynamoDbClient();
        builder.AddDynamoDbTable(PaymentsTable.Definition);
        builder.AddTelemetrySources(DynamoDbStorage.Telemetry.DynamoDbMetrics.MeterName);
        builder.Services.AddIdempotency();
        builder.Services.AddApiDocument();

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, PaymentsJsonContext.Default);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        builder.Services.AddSingleton<IValidateOptions<FraudOptions>, FraudOptionsValidator>();
        builder.Services.AddOptions<FraudOptions>().BindConfiguration(FraudOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReadAfterWriteOptions>, ReadAfterWriteOptionsValidator>();
        builder.Services.AddOptions<ReadAfterWriteOptions>().BindConfiguration(ReadAfterWriteOptions.SectionName).ValidateOnStart();

        builder.Services.AddSingleton<PaymentsTableName>();
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<TransactionStore>();
        builder.Services.AddSingleton<RecentTransactionSearch>();
        builder.Services.AddSingleton<TransactionFinder>();
        builder.Services.AddSingleton<LedgerWriter>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<LedgerService>();
        builder.Services.AddSingleton<BeneficiaryStore>();
        builder.Services.AddSingleton<BeneficiaryService>();
        builder.Services.AddSingleton<FraudShards>();
        builder.Services.AddSingleton<FraudStore>();
        builder.Services.AddSingleton<FraudService>();
    }

    /// <summary>Maps every Payments.Api endpoint group and the OpenAPI document (<c>/openapi/v1.json</c>).</summary>
    public static WebApplication MapPaymentsApis(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapAccountsApi();
        app.MapDepositsApi();
        app.MapPaymentsApi();
        app.MapTransactionsApi();
        app.MapBeneficiariesApi();
        app.MapFraudApi();
        return app;
    }
}
