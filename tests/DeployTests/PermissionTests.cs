namespace DeployTests;

public class PermissionTests(SynthesizedStack stack) : IClassFixture<SynthesizedStack>
{
    public static TheoryData<string, string[]> DynamoDbActionsByService => new()
    {
        { "cart-api", ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"] },
        { "payments-api", ["dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"] },
        {
            "events-worker",
            ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:DescribeStream", "dynamodb:DescribeTable", "dynamodb:GetRecords",
             "dynamodb:GetShardIterator", "dynamodb:ListStreams", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem"]
        },
        { "gateway", [] },
        { "canary", [] },
    };

    [Theory]
    [MemberData(nameof(DynamoDbActionsByService))]
    public void Each_task_role_has_exactly_the_dynamodb_actions_its_code_calls(string service, string[] expected)
    {
        var actions = SynthesizedStack.Actions(stack.TaskRoleStatements(service))
            .Where(action => action.StartsWith("dynamodb:", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actions);
    }

    [Fact]
    public void No_policy_grants_every_dynamodb_action_or_table_management()
    {
        var actions = stack.Resources("AWS::IAM::Policy")
            .SelectMany(policy => SynthesizedStack.Actions(policy.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject())))
            .ToList();

        Assert.NotEmpty(actions);
        Assert.DoesNotContain(actions, action => action.StartsWith("dynamodb:", StringComparison.Ordinal) && action.Contains('*', StringComparison.Ordinal));
        Assert.DoesNotContain(actions, action => action is "dynamodb:CreateTable" or "dynamodb:DeleteTable" or "dynamodb:UpdateTable" or "dynamodb:UpdateTimeToLive" or "*");
    }

    [Fact]
    public void Only_the_events_worker_may_write_to_s3_and_only_put_objects_under_audit()
    {
        foreach (var service in new[] { "cart-api", "payments-api", "gateway", "canary" })
        {
            Assert.DoesNotContain(SynthesizedStack.Actions(stack.TaskRoleStatements(service)), action => action.StartsWith("s3:", StringComparison.Ordinal));
        }

        var s3 = stack.TaskRoleStatements("events-worker")
            .Where(statement => SynthesizedStack.Actions([statement]).Any(action => action.StartsWith("s3:", StringComparison.Ordinal)))
            .ToList();
        var statement = Assert.Single(s3);
        Assert.Equal(["s3:PutObject"], SynthesizedStack.Actions([statement]));
        Assert.Contains("\"/audit/*\"", statement["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dynamodb_table_actions_are_scoped_to_the_service_s_own_tables()
    {
        var cart = stack.TaskRoleStatements("cart-api")
            .Single(statement => SynthesizedStack.Actions([statement]).Contains("dynamodb:GetItem"));
        var resource = cart["Resource"]!.ToJsonString();

        Assert.Contains("Tablescarts", resource, StringComparison.Ordinal);
        Assert.DoesNotContain("Tablespayments", resource, StringComparison.Ordinal);
    }

    [Fact]
    public void The_events_worker_may_query_and_batch_delete_in_the_carts_table_only_for_the_removed_cart_cascade()
    {
        var statements = stack.TaskRoleStatements("events-worker")
            .Where(statement => SynthesizedStack.Actions([statement]).Any(action => action is "dynamodb:Query" or "dynamodb:BatchWriteItem"))
            .ToList();

        var statement = Assert.Single(statements);
        Assert.Equal(["dynamodb:BatchWriteItem", "dynamodb:Query"], SynthesizedStack.Actions([statement]).Order(StringComparer.Ordinal));
        var resource = statement["Resource"]!.ToJsonString();
        Assert.Contains("Tablescarts", resource, StringComparison.Ordinal);
        Assert.DoesNotContain("Tablespayments", resource, StringComparison.Ordinal);
        Assert.DoesNotContain("/index/", resource, StringComparison.Ordinal);
        Assert.DoesNotContain("/stream/", resource, StringComparison.Ordinal);
        Assert.DoesNotContain("leases", resource, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Cart_api_may_query_the_carts_indexes_for_catalog_browse()
    {
        var cart = stack.TaskRoleStatements("cart-api")
            .Single(statement => SynthesizedStack.Actions([statement]).Contains("dynamodb:Query"));

        Assert.Contains("/index/*", cart["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
