namespace Deploy;

/// <summary>
/// The ECS health check of every service's container: <c>deploy/images/Dockerfile</c> puts the HealthProbe program at
/// <see cref="ProbeDll"/> (the aspnet image has no curl), and it GETs the service's liveness endpoint on its own port.
/// </summary>
internal static class ContainerHealth
{
    /// <summary>Where the Dockerfile publishes the probe in every image.</summary>
    public const string ProbeDll = "/probe/HealthProbe.dll";

    /// <summary>
    /// ServiceDefaults' <c>/alive</c>: only the checks tagged <c>live</c> (the process answers), not <c>/health</c>,
    /// which adds every dependency (Redis, each table, the streams) and the catalog seed. ECS replaces a task whose
    /// check fails, and a replacement cures a wedged process but no dependency: on <c>/health</c> a Redis failover or a
    /// DynamoDB throttling storm would cycle every healthy task at once, while cart-api is built to keep serving through
    /// both (DESIGN §10) and the worker resumes from its checkpoint once the streams answer again. A dependency's failure
    /// shows on <c>/health</c> and in the alarms instead; the gateway's load balancer keeps its own <c>/health</c> check.
    /// </summary>
    public const string LivenessPath = "/alive";

    /// <summary>
    /// A check every 15 s (a probe took 0.08 CPU-seconds when measured: about 1 % of the task's half vCPU); 5 s for it to
    /// answer (the probe gives up after 3 s, the rest covers its own start on a busy CPU); replaced after 3 failures in a
    /// row, so only a process unresponsive for about 45 s goes, never one GC pause or load spike; failures ignored for the
    /// first 60 s of a task (the gateway's load balancer grace too): ample, as a service listens before any dependency
    /// answers (nothing holds Kestrel's start).
    /// </summary>
    public static Amazon.CDK.AWS.ECS.HealthCheck Probe() => new()
    {
        Command = ["CMD", "dotnet", ProbeDll, $"http://localhost:{ServiceSpec.ContainerPort}{LivenessPath}"],
        Interval = Duration.Seconds(15),
        Timeout = Duration.Seconds(5),
        Retries = 3,
        StartPeriod = Duration.Seconds(60),
    };
}
