var builder = DistributedApplication.CreateBuilder(args);

var dynamodb = builder.AddDynamoDBLocal("dynamodb")
    .WithFaultInjector(builder.Configuration.GetValue("DynamoDBLocal:FaultInjector", false)); // dev and tests only: docs/resilience.md
var redis = builder.AddRedisServer("redis");
var identity = builder.AddDevelopmentTokenIssuer("identity");

// Published (the azd manifest), what differs per environment is a parameter: WithPublishedSetting is a no-op in run mode.
var paymentsApi = builder.AddProject<Projects.Payments_Api>("payments-api").AsHttpService().WithRestartOnCrash()
    .WithReference(dynamodb).WaitFor(dynamodb)
    .WithReference(identity)
    .WithPublishedSetting("DynamoDb__Tables__payments", "payments-table");

// Replicas the gateway balances itself (YARP keeps passive health per replica), not behind DCP's proxy: docs/replicas.md.
var cartApi = builder.AddReplicaSet("cart-api", builder.Configuration.GetValue("CartApi:Replicas", 2), replica =>
    builder.AddProject<Projects.Cart_Api>(replica).AsHttpService().WithRestartOnCrash()
        .WithReference(dynamodb).WaitFor(dynamodb)
        .WithReference(redis).WaitFor(redis)
        .WithReference(paymentsApi)
        .WithReference(identity)
        .WithPublishedSetting("DynamoDb__Tables__carts", "carts-table"));

builder.AddProject<Projects.Events_Worker>("events-worker").AsHttpService().WithRestartOnCrash()
    .WithReference(dynamodb).WithStreamHeartbeat(dynamodb).WaitFor(dynamodb)
    .WithReference(redis).WaitFor(redis)
    .WaitFor(cartApi).WaitFor(paymentsApi) // the worker reads the streams of their tables
    .WithPublishedSetting("DynamoDb__Tables__carts", "carts-table")
    .WithPublishedSetting("DynamoDb__Tables__payments", "payments-table")
    .WithPublishedSetting("DynamoDb__Tables__events-leases", "events-leases-table")
    .WithPublishedSetting("Events__AuditBucket", "audit-bucket"); // S3 in production, a local folder in development

var gateway = builder.AddProject<Projects.Gateway>("gateway").AsHttpService(port: builder.Configuration.GetValue("Gateway:Port", 5080)).WithRestartOnCrash()
    .WithExternalHttpEndpoints()
    .WithUrlForEndpoint("http", _ => new() { Url = "/api-reference", DisplayText = "API reference" })
    .WithReference(cartApi).WaitFor(cartApi)
    .WithReference(paymentsApi).WaitFor(paymentsApi)
    .WithReference(identity)
    .WithPublishedSetting("Cors__AllowedOrigins__0", "storefront-origin")
    .WithPublishedSetting("ForwardedHeaders__TrustedNetworks__0", "trusted-network"); // the load balancer's network

// A synthetic shopper walking a guest cart through the gateway every Canary:Interval: docs/resilience.md.
builder.AddProject<Projects.Canary>("canary").AsHttpService().WithRestartOnCrash()
    .WithReference(gateway).WaitFor(gateway)
    .WithEnvironment(context => context.EnvironmentVariables["Canary__Interval"] = builder.Configuration["Canary:Interval"] ?? "00:01:00");

if (identity.TryPrintToken(args))
{
    return;
}

await builder.Build().RunAsync();
