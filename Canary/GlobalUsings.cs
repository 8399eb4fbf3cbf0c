global using System.Diagnostics;
global using System.Net;
global using System.Text.Json;
global using Canary.Extensions;
global using Canary.Shopping;
global using Microsoft.Extensions.Diagnostics.HealthChecks;
global using Microsoft.Extensions.Options;
