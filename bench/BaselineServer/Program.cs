using StackExchange.Redis;
using Yarp.ReverseProxy.Forwarder;

// One binary, two roles, so the baseline has the same two hops as gateway → cart-api:
//   Baseline__Role=backend : GET /value/{key} answers the bytes of a Redis GET, nothing else
//   Baseline__Role=proxy   : forwards every request to services__baseline-backend__http__0 with YARP's forwarder
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
// The same accept queue as the platform's services (ServiceDefaults' listen backlog), so neither side drops SYNs sooner.
builder.WebHost.UseSockets(sockets => sockets.Backlog = 4096);
var role = builder.Configuration["Baseline:Role"] ?? "backend";

if (role == "proxy")
{
    builder.Services.AddHttpForwarder();
    var app = builder.Build();
    var destination = builder.Configuration["services:baseline-backend:http:0"]
        ?? throw new InvalidOperationException("services__baseline-backend__http__0 is not set.");
    // The gateway's connection cap per destination too: without it a latency blip makes the forwarder open a connection
    // per waiting request, and the storm of new connections, not the path, sets where the ladder ends.
    var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 128 });
    app.MapGet("/health", () => "ok");
    app.MapForwarder("/{**catch-all}", destination, ForwarderRequestConfig.Empty, HttpTransformer.Empty, invoker);
    app.Run();
}
else
{
    var redis = ConnectionMultiplexer.Connect(builder.Configuration.GetConnectionString("baseline-redis")
        ?? throw new InvalidOperationException("ConnectionStrings__baseline-redis is not set."));
    builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
    var app = builder.Build();
    app.MapGet("/health", () => "ok");
    app.MapGet("/value/{key}", async (string key, IConnectionMultiplexer mux) =>
    {
        var value = await mux.GetDatabase().StringGetLeaseAsync(key);
        return value is null ? Results.NotFound() : Results.Bytes(value.Memory.ToArray(), "application/json");
    });
    app.Run();
}
