namespace LeeQ.Epii.Platform.Host.Cli;

/// <summary>The daemon's command line, parsed.</summary>
internal sealed record CommandLineOptions
{
    public string? Config { get; init; }

    public int? Port { get; init; }

    public string? LogLevel { get; init; }

    public string? PidFile { get; init; }

    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    public bool Validate { get; init; }

    public bool HealthCheck { get; init; }

    public bool DiagnosticReport { get; init; }

    public string? TestExperiment { get; init; }

    public bool NoHealthChecks { get; init; }

    public bool DebugGrpc { get; init; }

    public bool Version { get; init; }

    public bool Help { get; init; }

    public bool HashApiKey { get; init; }
}
