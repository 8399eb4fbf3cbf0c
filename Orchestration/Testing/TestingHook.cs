using Orchestration.Hosting;

namespace Orchestration.Testing;

/// <summary>
/// Lets the testing builder run the AppHost's own <c>Program.cs</c> and take its model instead of running it.
/// Ambient (AsyncLocal) rather than global, so test collections that start apps in parallel never see each other's hook.
/// </summary>
internal sealed class TestingHook(Action<DistributedApplicationBuilder> onCreated)
{
    private static readonly AsyncLocal<TestingHook?> Ambient = new();

    public static TestingHook? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public DistributedApplicationBuilder? Builder { get; private set; }

    public void OnCreated(DistributedApplicationBuilder builder)
    {
        Builder = builder;
        onCreated(builder);
    }

    /// <summary>Stops the entry point at <c>Build()</c>: the model is declared, nothing has started.</summary>
    public void OnBuilding(DistributedApplicationBuilder builder) => throw new ModelCapturedException(builder);
}

internal sealed class ModelCapturedException(DistributedApplicationBuilder builder)
    : Exception("The app model was captured by the testing builder.")
{
    public DistributedApplicationBuilder Builder { get; } = builder;
}
