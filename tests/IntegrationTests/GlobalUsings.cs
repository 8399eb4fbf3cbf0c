global using IntegrationTests.Infrastructure;
global using Orchestration.Hosting;
global using Orchestration.Lifecycle;
global using Orchestration.Testing;
global using Xunit;
