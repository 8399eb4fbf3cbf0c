using ApiConventions.Json;
using Idempotency;
using ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProblemResponses();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemResponses();
app.UseBearerAuthentication(); // as the gateway and Cart.Api: a request without an Authorization header has nothing to authenticate
app.UseAuthorization();
app.UseStrictJsonBodies();
app.UseIdempotency();
app.MapPaymentsApis();
app.MapDefaultEndpoints();

app.Run();
