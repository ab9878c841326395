using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace LeeQ.Epii.Platform.Host.Logging;

/// <summary>
/// One Serilog pipeline to standard output. Under systemd (JOURNAL_STREAM or INVOCATION_ID set)
/// lines carry no timestamp, since journald adds its own; elsewhere they do.
/// </summary>
internal static class LoggingSetup
{
    public static Logger Create(LoggingLevelSwitch level)
    {
        var underSystemd =
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INVOCATION_ID"));
        var template = underSystemd
            ? "[{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"
            : "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
        return new LoggerConfiguration()
            .MinimumLevel.ControlledBy(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Warning)
            .MinimumLevel.Override("Grpc", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: template,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture
            )
            .CreateLogger();
    }
}
