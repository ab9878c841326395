namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>Creates a backend for a setup. The host picks the first factory whose <see cref="Matches"/> is true.</summary>
public interface IQuantumBackendFactory
{
    /// <summary>Short name shown in diagnostics, e.g. <c>simulation.numeric</c>.</summary>
    string Name { get; }

    /// <summary>True when this factory builds the backend the configuration asks for.</summary>
    bool Matches(BackendConfiguration configuration);

    /// <summary>
    /// Cross-field checks that a JSON schema cannot express (for example a coupling naming a
    /// qubit that does not exist). Each problem is a JSON path and a message.
    /// </summary>
    IEnumerable<(string Path, string Message)> Validate(BackendConfiguration configuration) => [];

    /// <summary>Builds the backend. Throws <see cref="InvalidOperationException"/> with a clear message when it cannot.</summary>
    Task<IQuantumBackend> CreateAsync(BackendConfiguration configuration, CancellationToken cancellationToken);
}
