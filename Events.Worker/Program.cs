var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProblemResponses();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemResponses();
app.MapDefaultEndpoints();

app.Run();
