using System.Text.Json;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

/// <summary>
/// Runs experiments on the product's numeric transmon simulator, standing in for the host: it
/// holds the parameter values (the backend's defaults plus overrides), builds execution requests
/// with a seed per call and applies nothing by itself.
/// </summary>
public sealed class SimulatorExecutor : IExperimentExecutor, IAsyncDisposable
{
    private readonly IQuantumBackend _backend;
    private long _calls;

    private SimulatorExecutor(IQuantumBackend backend, long seed)
    {
        _backend = backend;
        Seed = seed;
        Parameters = backend.Parameters.ToDictionary(d => d.Name, d => d.Default, StringComparer.OrdinalIgnoreCase);
        Parameters[WellKnownParameters.ShotNumber] = 2000L;
    }

    /// <summary>Live parameter values (calibration, ground truth under sim.*, status).</summary>
    public Dictionary<string, object?> Parameters { get; }

    /// <summary>Base seed of the requests.</summary>
    public long Seed { get; }

    /// <summary>The current values as a snapshot.</summary>
    public ParameterSnapshot Snapshot() => new(Parameters);

    /// <summary>A simulator with the default device of <paramref name="simulationJson"/>.</summary>
    public static async Task<SimulatorExecutor> CreateAsync(string simulationJson = "{}", long seed = 11)
    {
        var configuration = new BackendConfiguration
        {
            SetupName = "experiments-test",
            SetupType = "simulation",
            Document = JsonDocument
                .Parse($$"""{ "setup_type": "simulation", "simulation": {{simulationJson}} }""")
                .RootElement.Clone(),
            StateDirectory = Path.GetTempPath(),
            LoggerFactory = NullLoggerFactory.Instance,
        };
        var backend = await new SimulationBackendFactory().CreateAsync(configuration, CancellationToken.None);
        return new SimulatorExecutor(backend, seed);
    }

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteAsync(
        IReadOnlyList<PulseProgram> programs,
        int? shots,
        CancellationToken cancellationToken
    ) => ExecuteAsync(programs, shots, false, cancellationToken);

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteAsync(
        IReadOnlyList<PulseProgram> programs,
        int? shots,
        bool returnShots,
        CancellationToken cancellationToken
    )
    {
        var snapshot = Snapshot();
        return _backend.ExecuteAsync(
            new ExecutionRequest
            {
                Programs = programs,
                Shots = shots ?? (int)snapshot.GetInt(WellKnownParameters.ShotNumber),
                Seed = Seed + Interlocked.Increment(ref _calls),
                ReturnShots = returnShots,
                Parameters = snapshot,
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _backend.DisposeAsync();
}
