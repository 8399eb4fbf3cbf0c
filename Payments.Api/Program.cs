using ApiConventions.Json;
using Idempotency;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProblemResponses();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemResponses();
app.UseAuthentication();
app.UseAuthorization();
app.UseStrictJsonBodies();
app.UseIdempotency();
app.MapPaymentsApis();
app.MapDefaultEndpoints();

app.Run();
