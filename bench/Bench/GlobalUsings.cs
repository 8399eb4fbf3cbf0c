global using System.Diagnostics;
global using Orchestration.Hosting;
