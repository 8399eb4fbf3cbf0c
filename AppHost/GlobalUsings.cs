global using HostingIntegrations.DevelopmentTokens;
global using HostingIntegrations.DynamoDBFaults;
global using HostingIntegrations.DynamoDBLocal;
global using HostingIntegrations.Redis;
global using Microsoft.Extensions.Configuration;
global using HostingIntegrations.Projects;
global using HostingIntegrations.Replicas;
global using HostingIntegrations.Restarts;
