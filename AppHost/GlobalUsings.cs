global using Orchestration.Hosting;
global using Microsoft.Extensions.Configuration;
