using ApiConventions.Json;
using Cart.Api.Apis;
using Idempotency;
using ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProblemResponses();
builder.AddDefaultAuthentication();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemResponses();
app.UseBearerAuthentication(); // guests (no Authorization header) skip authentication
app.UseAuthorization();
app.UseStrictJsonBodies();
app.UseIdempotency();
app.MapOpenApi();
app.MapCartsApi();
app.MapCatalogApi();
app.MapDeliverySlotsApi();
app.MapAdminApi();
app.MapDefaultEndpoints();

app.Run();
