using Serilog.Events;

namespace LeeQ.Epii.Platform.Host.Cli;

/// <summary>The log level names of the original service mapped to Serilog levels.</summary>
internal static class LogLevels
{
    public static IReadOnlyList<string> Names { get; } = ["TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

    public static LogEventLevel? Parse(string? name) =>
        name?.Trim().ToUpperInvariant() switch
        {
            "TRACE" or "VERBOSE" => LogEventLevel.Verbose,
            "DEBUG" => LogEventLevel.Debug,
            "INFO" or "INFORMATION" => LogEventLevel.Information,
            "WARNING" or "WARN" => LogEventLevel.Warning,
            "ERROR" => LogEventLevel.Error,
            "CRITICAL" or "FATAL" => LogEventLevel.Fatal,
            _ => null,
        };
}
