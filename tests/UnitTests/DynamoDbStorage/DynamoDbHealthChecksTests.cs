using DynamoDbStorage;
using DynamoDbStorage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace UnitTests.DynamoDbStorage;

public sealed class DynamoDbHealthChecksTests
{
    [Fact]
    public void A_service_checks_dynamodb_only_by_describing_its_own_tables()
    {
        // No ListTables: it needs IAM on every table of the account ("*"); DescribeTable stays on the service's own ARN.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddDynamoDbClient();
        builder.AddDynamoDbTable(PlatformTables.Carts);
        using var host = builder.Build();

        var checks = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name);

        Assert.Equal(["dynamodb-table-carts"], checks);
    }
}
