global using System.Diagnostics;
global using AppHostTesting;
global using Aspire.Hosting;
global using Aspire.Hosting.Testing;
