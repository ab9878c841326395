using LeeQ.Epii.Platform.Host.Execution;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeeQ.Epii.Platform.Host.Services;

/// <summary>Reports the backend's own health through grpc.health.v1.</summary>
internal sealed class BackendHealthCheck(SetupRuntime runtime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        if (!runtime.IsReady)
        {
            return HealthCheckResult.Unhealthy("the setup is not built");
        }

        var health = await runtime.Backend.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return health.Healthy ? HealthCheckResult.Healthy(health.Detail) : HealthCheckResult.Unhealthy(health.Detail);
    }
}
