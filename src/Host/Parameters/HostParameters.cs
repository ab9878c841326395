using LeeQ.Epii.Platform.Contracts.Parameters;

namespace LeeQ.Epii.Platform.Host.Parameters;

/// <summary>The <c>status.*</c> parameters the host itself owns.</summary>
internal static class HostParameters
{
    public static IReadOnlyList<ParameterDefinition> Create(string setupName, int qubitCount) =>
        [
            new ParameterDefinition
            {
                Name = "status.setup_name",
                Type = ParameterType.String,
                Default = setupName,
                ReadOnly = true,
                Description = "Name of the setup this daemon serves (from the setup file)",
            },
            new ParameterDefinition
            {
                Name = "status.num_qubits",
                Type = ParameterType.Int,
                Default = (long)qubitCount,
                ReadOnly = true,
                Description = "Number of qubits of the device",
            },
            new ParameterDefinition
            {
                Name = WellKnownParameters.ShotNumber,
                Type = ParameterType.Int,
                Default = 2000L,
                Minimum = 1,
                Maximum = 1_000_000,
                Description = "Shots per sweep point",
                Aliases = [new ParameterAlias("status.shots")],
            },
            new ParameterDefinition
            {
                Name = WellKnownParameters.ShotPeriod,
                Type = ParameterType.Float,
                Unit = "us",
                Default = 500.0,
                Minimum = 0,
                Maximum = 1e7,
                Description = "Time between shots (lets the qubits relax on hardware)",
            },
            new ParameterDefinition
            {
                Name = WellKnownParameters.SamplingNoise,
                Type = ParameterType.Bool,
                Default = true,
                Description = "Whether simulated measurements carry shot noise (false: exact populations)",
            },
            new ParameterDefinition
            {
                Name = WellKnownParameters.Seed,
                Type = ParameterType.Int,
                Default = null,
                Nullable = true,
                Minimum = 0,
                Maximum = long.MaxValue,
                Description = "Seed of every run that does not give its own; null draws a fresh seed per run",
            },
        ];
}
