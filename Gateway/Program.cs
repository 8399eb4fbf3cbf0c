var builder = WebApplication.CreateBuilder(args);

builder.AddEdgeChecks(); // first: its middleware runs before ServiceDefaults' request id rewrites X-Request-Id
builder.AddServiceDefaults();
builder.AddProblemResponses();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemResponses();
app.UseForwardedHeaders(); // the client's address behind the load balancer, for the per-address rate limit
app.UseSpoofableHeaderRemoval();
app.UseCors();
app.UseBearerAuthentication(); // only requests with an Authorization header have anything to authenticate
app.UseRateLimiter(); // after authentication (partitions by user), before authorization (rejected tokens count too)
app.UseAuthorization();
app.MapReverseProxy(proxy =>
{
    proxy.UseDeviceCookie();
    proxy.UseSafeRetries();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.MapApiReference();
app.MapDefaultEndpoints();

app.Run();
