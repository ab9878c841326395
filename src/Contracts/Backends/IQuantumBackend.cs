using LeeQ.Epii.Platform.Contracts.Parameters;

namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>
/// Something that runs pulse programs on a device: a simulator or a hardware controller.
/// A backend keeps no device settings of its own between calls; it reads them from the
/// <see cref="ExecutionRequest.Parameters"/> snapshot it is given.
/// </summary>
public interface IQuantumBackend : IAsyncDisposable
{
    /// <summary>What the backend is.</summary>
    BackendInfo Info { get; }

    /// <summary>
    /// Parameters the backend needs (per-qubit calibration with the device's initial values, and
    /// for a simulator the ground truth of the simulated device). The host's store owns them.
    /// </summary>
    IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>How many executions may run at once (1 for hardware).</summary>
    int MaxConcurrentExecutions { get; }

    /// <summary>Runs the programs. Honours <paramref name="cancellationToken"/> between and inside programs.</summary>
    Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Rules between parameters that single-parameter ranges cannot express (for a simulator:
    /// T2 at most 2·T1). The host calls this with the values a SetParameters call or a run's
    /// calibration updates would produce, and refuses the whole change when any problem comes
    /// back, so a device is never left in a state it cannot run. Each problem names the parameters.
    /// </summary>
    IEnumerable<string> ValidateParameters(ParameterSnapshot proposed) => [];

    /// <summary>Checks that the backend can take work.</summary>
    Task<BackendHealth> CheckHealthAsync(CancellationToken cancellationToken);
}
