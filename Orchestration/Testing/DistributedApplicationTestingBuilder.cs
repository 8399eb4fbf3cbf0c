using System.Reflection;
using System.Runtime.ExceptionServices;
using Orchestration.Hosting;

namespace Orchestration.Testing;

/// <summary>
/// Starts the app model of an AppHost's <c>Program.cs</c> in a test, on random ports, with no console echo —
/// the shape of Aspire's <c>DistributedApplicationTestingBuilder</c>.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>Runs the entry point of <typeparamref name="TEntryPoint"/>'s assembly until it calls <c>Build()</c>.</summary>
    public static async Task<DistributedApplicationBuilder> CreateAsync<TEntryPoint>(string[]? args = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var entryPoint = typeof(TEntryPoint).Assembly.EntryPoint
            ?? throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} has no entry point.");

        var hook = new TestingHook(builder =>
        {
            builder.Options.RandomizePorts = true;
            builder.Options.EchoResourceOutput = false;
            builder.Options.PrintSummary = false;
            builder.Options.ShutdownGracePeriod = TimeSpan.FromSeconds(5);
        });

        var previous = TestingHook.Current;
        TestingHook.Current = hook;
        try
        {
            var parameters = entryPoint.GetParameters().Length == 0 ? null : new object[] { args ?? [] };
            var result = entryPoint.Invoke(null, parameters);
            if (result is Task task)
            {
                await task.WaitAsync(cancellationToken);
            }
        }
        catch (Exception e) when (Unwrap(e) is ModelCapturedException captured)
        {
            return captured.Builder;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }
        finally
        {
            TestingHook.Current = previous;
        }

        throw new InvalidOperationException("The AppHost's entry point returned without calling Build() on its builder.");
    }

    private static Exception Unwrap(Exception e) =>
        e is TargetInvocationException or AggregateException && e.InnerException is not null ? Unwrap(e.InnerException!) : e;
}
