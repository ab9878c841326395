using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric;

/// <summary>
/// Builds the numeric transmon simulator for setups of type <c>simulation</c> from their
/// <c>simulation</c> section (see docs/simulator.md for the fields, units and defaults).
/// </summary>
public sealed class SimulationBackendFactory : IQuantumBackendFactory
{
    /// <inheritdoc />
    public string Name => "simulation.numeric";

    /// <inheritdoc />
    public bool Matches(BackendConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration.SetupType, "simulation", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public IEnumerable<(string Path, string Message)> Validate(BackendConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<(string Path, string Message)>();
        SimulationConfigurationReader.Read(configuration.Section("simulation"), problems);
        return problems;
    }

    /// <inheritdoc />
    public Task<IQuantumBackend> CreateAsync(BackendConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        cancellationToken.ThrowIfCancellationRequested();
        var problems = new List<(string Path, string Message)>();
        var device = SimulationConfigurationReader.Read(configuration.Section("simulation"), problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "the simulation section is not usable: "
                    + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))
            );
        }

        return Task.FromResult<IQuantumBackend>(new NumericSimulationBackend(device));
    }
}
