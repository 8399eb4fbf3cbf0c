using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;

namespace HostingIntegrations.Prerequisites;

/// <summary>Runs every resource's prerequisite checks before the orchestrator starts anything.</summary>
internal sealed class PrerequisiteCheck : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>((@event, _) => CheckAsync(@event.Model));
        }

        return Task.CompletedTask;
    }

    private static Task CheckAsync(DistributedApplicationModel model)
    {
        var missing = model.Resources
            .SelectMany(resource => resource.Annotations.OfType<PrerequisiteAnnotation>())
            .Select(prerequisite => prerequisite.Check())
            .OfType<string>()
            .Distinct()
            .ToList();
        if (missing.Count == 0)
        {
            return Task.CompletedTask;
        }

        // The AppHost's Program.cs does not catch this: say what is missing, one line each, and exit 1 without a
        // stack trace. (Under Aspire.Hosting.Testing the exception reaches the test's StartAsync instead.)
        AppDomain.CurrentDomain.UnhandledException += ExplainAndExit;
        throw new MissingPrerequisitesException(missing);
    }

    private static void ExplainAndExit(object sender, UnhandledExceptionEventArgs args)
    {
        if (args.ExceptionObject is MissingPrerequisitesException missing)
        {
            foreach (var line in missing.Missing)
            {
                Console.Error.WriteLine($"error: {line}");
            }

            Environment.Exit(1);
        }
    }
}
