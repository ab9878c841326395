namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>The <c>LEEQ_EPII_*</c> variables the daemon reads, taken once from a variable source.</summary>
internal sealed record HostEnvironment(
    string? ConfigDir,
    string? LogLevel,
    string? Port,
    string? MaxMessageSize,
    string? PluginsDir
)
{
    public const string DefaultConfigDir = "/etc/leeq-epii";

    public static HostEnvironment FromProcess() => From(Environment.GetEnvironmentVariable);

    public static HostEnvironment From(Func<string, string?> read) =>
        new(
            Blank(read("LEEQ_EPII_CONFIG_DIR")),
            Blank(read("LEEQ_EPII_LOG_LEVEL")),
            Blank(read("LEEQ_EPII_PORT")),
            Blank(read("LEEQ_EPII_MAX_MESSAGE_SIZE")),
            Blank(read("LEEQ_EPII_PLUGINS_DIR"))
        );

    /// <summary>Resolves <c>--config</c>: a bare name (no slash, no .json) is looked up in the config directory.</summary>
    public string ResolveConfigPath(string config)
    {
        var bare =
            !config.Contains('/', StringComparison.Ordinal)
            && !config.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        return bare ? Path.Combine(ConfigDir ?? DefaultConfigDir, config + ".json") : Path.GetFullPath(config);
    }

    /// <summary>Plugin directories named by <c>LEEQ_EPII_PLUGINS_DIR</c> (colon-separated).</summary>
    public IEnumerable<string> PluginDirectories =>
        PluginsDir?.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
