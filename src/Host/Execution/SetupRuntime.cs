using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Parameters;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>
/// The running setup: its backend, parameter registry and experiments. Built once before the
/// server listens; a setup that cannot be built stops start-up.
/// </summary>
internal sealed class SetupRuntime(
    HostSettings settings,
    JsonObject document,
    IEnumerable<IQuantumBackendFactory> factories,
    ExperimentCatalog experiments,
    ParameterRegistry parameters,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("LeeQ.Epii.Setup");
    private IQuantumBackend? _backend;

    public HostSettings Settings => settings;

    public ExperimentCatalog Experiments => experiments;

    public ParameterRegistry Parameters => parameters;

    public IQuantumBackend Backend => _backend ?? throw new InvalidOperationException("the setup has not been built");

    public bool IsReady => _backend is not null;

    public int QubitCount => _backend?.Info.QubitCount ?? 0;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var configuration = SetupLoader.ToBackendConfiguration(document, settings, loggerFactory);
        var factory = factories.FirstOrDefault(f => f.Matches(configuration))
            ?? throw new InvalidOperationException($"no backend plugin handles setup_type '{settings.SetupType}'");
        _backend = await factory.CreateAsync(configuration, cancellationToken).ConfigureAwait(false);
        parameters.Register(HostParameters.Create(), _backend.Info.QubitCount);
        parameters.Register(_backend.Parameters, _backend.Info.QubitCount);
        foreach (var conflict in experiments.Conflicts)
        {
            HostLog.ExperimentConflict(_logger, conflict);
        }

        HostLog.SetupReady(_logger, settings.SetupName, _backend.Info.Kind, _backend.Info.Name, _backend.Info.QubitCount, experiments.All.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync().ConfigureAwait(false);
        }
    }
}
