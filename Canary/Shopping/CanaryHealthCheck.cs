using System.Globalization;

namespace Canary.Shopping;

/// <summary>
/// <c>canary</c>: Healthy while the last run went through (or none has run yet), Degraded after a failed run, Unhealthy
/// after <see cref="CanaryOptions.FailuresBeforeUnhealthy"/> in a row — which <c>/health</c> answers with 503, so the
/// dashboard (whose check sees only the status code) shows the canary unhealthy. Not a liveness check: a failing
/// system is no reason to restart the canary.
/// </summary>
internal sealed class CanaryHealthCheck(CanaryRunHistory history, IOptions<CanaryOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = history.Current;
        if (status.Last is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No run yet: the first comes one interval after start."));
        }

        var data = new Dictionary<string, object>
        {
            ["step"] = last.Step,
            ["status"] = last.Status?.ToString(CultureInfo.InvariantCulture) ?? "none",
            ["consecutiveFailures"] = status.ConsecutiveFailures,
            ["finishedAt"] = status.At?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        };
        if (last.Succeeded)
        {
            return Task.FromResult(HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"The last run went through in {last.Elapsed.TotalMilliseconds:0} ms."), data));
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"{status.ConsecutiveFailures} run(s) in a row failed; the last at {last.Step}: {last.Failure}");
        return Task.FromResult(status.ConsecutiveFailures >= options.Value.FailuresBeforeUnhealthy
            ? HealthCheckResult.Unhealthy(description, data: data)
            : HealthCheckResult.Degraded(description, data: data));
    }
}
