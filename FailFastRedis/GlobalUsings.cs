global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using StackExchange.Redis;
global using StackExchange.Redis.Configuration;
