var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemResponses();
app.MapAccountsApi();
app.MapDefaultEndpoints();

app.Run();
