using System.Reflection;
using Microsoft.Extensions.Configuration;
using Orchestration.Testing;

namespace Orchestration.Hosting;

/// <summary>Collects the resources of the app model; <see cref="Build"/> turns them into a runnable application.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];

    internal DistributedApplicationBuilder(string[] args, DistributedApplicationOptions options)
    {
        Options = options;
        Args = args;
        Configuration = new ConfigurationManager();
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(args);
        options.EnvironmentName = Configuration["DOTNET_ENVIRONMENT"] ?? options.EnvironmentName;
    }

    public DistributedApplicationOptions Options { get; }

    /// <summary>The AppHost's command line, for commands such as <c>token</c>.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>Environment variables and command-line arguments of the AppHost (<c>--Gateway:Port=9090</c>).</summary>
    public ConfigurationManager Configuration { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    internal static DistributedApplicationBuilder Create(string[] args, Assembly appHostAssembly)
    {
        var appHostDirectory = appHostAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value ?? AppContext.BaseDirectory;

        var builder = new DistributedApplicationBuilder(args, new DistributedApplicationOptions { AppHostDirectory = appHostDirectory });
        TestingHook.Current?.OnCreated(builder);
        return builder;
    }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    /// <summary>Keeps only the named resources and everything they reference or wait for.</summary>
    public void KeepOnly(IEnumerable<string> names)
    {
        var keep = new HashSet<IResource>();
        var pending = new Stack<IResource>(names.Select(Find));
        while (pending.TryPop(out var resource))
        {
            if (keep.Add(resource))
            {
                foreach (var dependency in ResourceGraph.DependenciesOf(resource))
                {
                    pending.Push(dependency);
                }
            }
        }

        _resources.RemoveAll(r => !keep.Contains(r));
        foreach (var resource in _resources)
        {
            resource.Annotations.RemoveAll(a => a is ReferenceAnnotation r && !keep.Contains(r.Resource));
        }
    }

    public IResource Find(string name) =>
        _resources.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"No resource named '{name}' in the app model.", nameof(name));

    public DistributedApplication Build()
    {
        TestingHook.Current?.OnBuilding(this);
        return new DistributedApplication(this);
    }
}
