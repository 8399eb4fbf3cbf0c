using ApiConventions.Json;
using Idempotency;
using ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProblemResponses();
builder.AddDefaultAuthentication();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemResponses();
app.UseAuthentication();
app.UseAuthorization();
app.UseStrictJsonBodies();
app.UseIdempotency();
app.MapOpenApi();
app.MapCartsApi();
app.MapDefaultEndpoints();

app.Run();
