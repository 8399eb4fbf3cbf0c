var builder = DistributedApplication.CreateBuilder(args);

var dynamodb = builder.AddDynamoDBLocal("dynamodb");
var redis = builder.AddRedis("redis");
var identity = builder.AddDevelopmentTokenIssuer("identity");

var paymentsApi = builder.AddProject<Projects.Payments_Api>("payments-api")
    .WithReference(dynamodb).WaitFor(dynamodb)
    .WithReference(identity);

var cartApi = builder.AddProject<Projects.Cart_Api>("cart-api").WithReplicas(builder.Configuration.GetValue("CartApi:Replicas", 2))
    .WithReference(dynamodb).WaitFor(dynamodb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(paymentsApi)
    .WithReference(identity);

builder.AddProject<Projects.Events_Worker>("events-worker")
    .WithReference(dynamodb).WaitFor(dynamodb)
    .WithReference(redis).WaitFor(redis)
    .WaitFor(cartApi).WaitFor(paymentsApi); // the worker reads the streams of their tables

builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint(port: builder.Configuration.GetValue("Gateway:Port", 5080))
    .WithReference(cartApi).WaitFor(cartApi)
    .WithReference(paymentsApi).WaitFor(paymentsApi)
    .WithReference(identity);

await builder.Build().RunAsync();

/// <summary>The AppHost's entry point, visible to the testing builder.</summary>
public partial class Program;
