var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCanary();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
