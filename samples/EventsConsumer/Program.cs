using EventsConsumer;
using StackExchange.Redis;

// A sample consumer of the platform's CloudEvents: ConnectionStrings__redis names the Redis the worker publishes to.
var builder = Host.CreateApplicationBuilder(args);
var redis = builder.Configuration.GetConnectionString("redis")
    ?? throw new InvalidOperationException("Set ConnectionStrings__redis to the Redis the events worker publishes to (host:port,password=…).");
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHostedService<EventsDemoConsumer>();
await builder.Build().RunAsync();
