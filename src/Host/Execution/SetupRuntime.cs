using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Parameters;
using LeeQ.Epii.Platform.Host.Plugins;
using LeeQ.Epii.Platform.Host.Services;
using LeeQ.Epii.Platform.Host.Storage;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>
/// The running setup: its state store, backend, parameter registry and experiments. Built once
/// before the server listens; a setup that cannot be built, or a store that cannot be opened,
/// stops start-up.
/// </summary>
internal sealed class SetupRuntime(
    HostSettings settings,
    JsonObject document,
    IEnumerable<IQuantumBackendFactory> factories,
    ExperimentCatalog experiments,
    ParameterRegistry parameters,
    PluginCatalog plugins,
    ILoggerFactory loggerFactory
) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("LeeQ.Epii.Setup");
    private IQuantumBackend? _backend;
    private StateStore? _store;
    private RunStore? _runs;
    private ParameterStore? _parameterStore;

    public HostSettings Settings => settings;

    public ExperimentCatalog Experiments => experiments;

    public ParameterRegistry Parameters => parameters;

    public IQuantumBackend Backend => _backend ?? throw new InvalidOperationException("the setup has not been built");

    public RunStore Runs => _runs ?? throw new InvalidOperationException("the state store is not open");

    public ParameterStore ParameterStore =>
        _parameterStore ?? throw new InvalidOperationException("the state store is not open");

    public string StateDirectory =>
        SetupLoader.ToBackendConfiguration(document, settings, loggerFactory).StateDirectory;

    public bool IsReady => _backend is not null;

    public int QubitCount => _backend?.Info.QubitCount ?? 0;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Host and plugin versions, recorded with every run.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = HostVersion.Current,
            ["contract"] = Contracts.Plugins.ContractVersion.Current.ToString(3),
            ["runtime"] = Environment.Version.ToString(),
        }
            .Concat(plugins.Plugins.Select(p => KeyValuePair.Create(p.Manifest.Id, p.Manifest.Version.ToString(3))))
            .ToDictionary(StringComparer.Ordinal);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var configuration = SetupLoader.ToBackendConfiguration(document, settings, loggerFactory);
        _store = StateStore.Open(configuration.StateDirectory);
        _parameterStore = new ParameterStore(_store);
        _runs = new RunStore(_store, new RetentionPolicy(settings.RetentionMaxRuns, settings.RetentionMaxAge));
        var interrupted = _runs.CloseInterrupted();
        _runs.Prune();

        var factory = factories.FirstOrDefault(f => f.Matches(configuration))
            ?? throw new InvalidOperationException($"no backend plugin handles setup_type '{settings.SetupType}'");
        _backend = await factory.CreateAsync(configuration, cancellationToken).ConfigureAwait(false);
        var stored = _parameterStore.LoadValues();
        var notes = parameters
            .Register(
                HostParameters.Create(settings.SetupName, _backend.Info.QubitCount),
                _backend.Info.QubitCount,
                stored
            )
            .Concat(parameters.Register(_backend.Parameters, _backend.Info.QubitCount, stored));
        foreach (var note in notes)
        {
            HostLog.StoredValueDropped(_logger, note);
        }

        parameters.SetRules(_backend.ValidateParameters);
        parameters.AttachStore(_parameterStore);
        HostLog.StoreOpened(_logger, _store.Path, stored.Count, interrupted);
        foreach (var conflict in experiments.Conflicts)
        {
            HostLog.ExperimentConflict(_logger, conflict);
        }

        HostLog.SetupReady(
            _logger,
            settings.SetupName,
            _backend.Info.Kind,
            _backend.Info.Name,
            _backend.Info.QubitCount,
            experiments.All.Count
        );
    }

    public async ValueTask DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync().ConfigureAwait(false);
        }

        _store?.Dispose();
    }
}
