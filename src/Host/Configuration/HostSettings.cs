using Serilog.Events;

namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>
/// The daemon's effective settings after precedence: command line, then <c>LEEQ_EPII_*</c>
/// environment, then the setup file, then defaults.
/// </summary>
internal sealed record HostSettings
{
    public required string ConfigPath { get; init; }

    public required string SetupType { get; init; }

    public required string SetupName { get; init; }

    public string Description { get; init; } = "";

    public int Port { get; init; } = 50051;

    public string BindAddress { get; init; } = "::";

    public int MaxWorkers { get; init; } = 10;

    public TimeSpan ExperimentTimeout { get; init; } = TimeSpan.FromSeconds(300);

    public LogEventLevel LogLevel { get; init; } = LogEventLevel.Information;

    public int MaxMessageSize { get; init; } = 64 * 1024 * 1024;

    public TimeSpan? KeepAliveTime { get; init; }

    public TimeSpan? KeepAliveTimeout { get; init; }

    public int? MaxConcurrentExperiments { get; init; }

    public int QueueSize { get; init; } = 16;

    public string? StoragePath { get; init; }

    public int RetentionMaxRuns { get; init; } = 10_000;

    public TimeSpan RetentionMaxAge { get; init; } = TimeSpan.FromDays(90);

    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(25);

    public bool TlsEnabled { get; init; }

    public string? TlsCertFile { get; init; }

    public string? TlsKeyFile { get; init; }

    /// <summary>SHA-256 hashes (lower-case hex) of the accepted API keys; empty means no authentication.</summary>
    public IReadOnlyList<string> ApiKeyHashes { get; init; } = [];

    public bool MetricsEnabled { get; init; }

    public int MetricsPort { get; init; } = 9464;

    public string MetricsBindAddress { get; init; } = "127.0.0.1";
}
