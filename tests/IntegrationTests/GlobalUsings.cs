global using AppHostTesting;
global using Aspire.Hosting;
global using Aspire.Hosting.Testing;
global using IntegrationTests.Infrastructure;
global using Xunit;
