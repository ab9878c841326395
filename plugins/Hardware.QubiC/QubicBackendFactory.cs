using LeeQ.Epii.Platform.Contracts.Backends;

namespace LeeQ.Epii.Platform.Plugins.Hardware.QubiC;

/// <summary>
/// Claims setups with <c>hardware.type = qubic_lbnl</c> so that they validate, and refuses to
/// build them: the program compiler and board client are not part of this release. Start-up
/// therefore fails with a message saying so instead of serving without a device.
/// </summary>
public sealed class QubicBackendFactory : IQuantumBackendFactory
{
    /// <inheritdoc />
    public string Name => "hardware.qubic";

    /// <inheritdoc />
    public bool Matches(BackendConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.SetupType == "hardware"
            && configuration.Section("hardware") is { } hardware
            && hardware.TryGetProperty("type", out var type)
            && type.GetString() == "qubic_lbnl";
    }

    /// <inheritdoc />
    public IEnumerable<(string Path, string Message)> Validate(BackendConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hardware = configuration.Section("hardware");
        if (hardware is { } section && !section.TryGetProperty("rpc_uri", out _))
        {
            yield return (
                "$.hardware.rpc_uri",
                "required for qubic_lbnl: the board's XML-RPC address, e.g. http://192.168.1.80:9095"
            );
        }
    }

    /// <inheritdoc />
    public Task<IQuantumBackend> CreateAsync(BackendConfiguration configuration, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(
            "the QubiC hardware backend is not available in this release (see docs/known-limitations.md); "
                + "the setup file is valid, but it cannot be served yet"
        );
}
