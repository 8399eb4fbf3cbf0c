var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemResponses();
app.MapReverseProxy(proxy =>
{
    proxy.UseDeviceCookie();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.MapDefaultEndpoints();

app.Run();
