using System.Globalization;

namespace LeeQ.Epii.Platform.Host.Cli;

/// <summary>
/// Parses the daemon's flags. Hand-written because the flag set is small and fixed, and exit
/// code 2 with a one-line reason must be exact for every misuse.
/// </summary>
internal static class CommandLineParser
{
    public const string DefaultTestExperiment = "calibrations.NormalisedRabi";

    public static string Usage =>
        """
            Usage: leeq-epii --config PATH|NAME [options]

            Serves one quantum-device setup over gRPC (service epii.v1.ExperimentPlatformService).

            Options:
              --config PATH|NAME     Setup file; a bare NAME means $LEEQ_EPII_CONFIG_DIR/NAME.json
                                     (default directory /etc/leeq-epii).
              --port N               gRPC port (overrides LEEQ_EPII_PORT and the file).
              --log-level LEVEL      TRACE, DEBUG, INFO, WARNING, ERROR or CRITICAL.
              --pid-file PATH        PID file (default: $RUNTIME_DIRECTORY or /run/leeq-epii, else
                                     the temporary directory; named leeq-epii-<setup>.pid).
              --plugins DIR          Extra plugin directory (repeatable; also LEEQ_EPII_PLUGINS_DIR).
              --validate             Validate the setup file and plugins, print every problem, exit.
              --health-check         Run the start-up checks, print PASS/FAIL per check, exit.
              --diagnostic-report    Print versions, effective configuration and plugin status, exit.
              --test-experiment [N]  Build the setup, run experiment N once (default
                                     calibrations.NormalisedRabi), print the result, exit.
              --no-health-checks     Skip the start-up checks.
              --debug-grpc           Log every gRPC call at DEBUG.
              --hash-api-key         Read an API key from standard input and print the hash to put
                                     into auth.api_key_hashes.
              --version              Print the version and exit.
              --help                 Print this help and exit.

            Exit codes: 0 success, 1 failure, 2 usage error.
            """;

    /// <summary>Parses <paramref name="args"/>; on misuse returns null and sets <paramref name="error"/>.</summary>
    public static CommandLineOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new CommandLineOptions();
        var plugins = new List<string>();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string? Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                return null;
            }

            switch (arg)
            {
                case "--config" when options.Config is not null:
                    error = "--config is given more than once";
                    return null;
                case "--config":
                    options = options with
                    {
                        Config = Value() ?? Fail("--config needs a path or a setup name", out error),
                    };
                    break;
                case "--port":
                {
                    var text = Value();
                    if (
                        text is null
                        || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                        || port is < 0 or > 65535
                    )
                    {
                        error = $"--port needs a port number from 0 to 65535, got '{text}'";
                        return null;
                    }

                    options = options with { Port = port };
                    break;
                }

                case "--log-level":
                {
                    var text = Value();
                    if (text is null || LogLevels.Parse(text) is null)
                    {
                        error = $"--log-level must be one of {string.Join(", ", LogLevels.Names)}, got '{text}'";
                        return null;
                    }

                    options = options with { LogLevel = text };
                    break;
                }

                case "--pid-file":
                    options = options with { PidFile = Value() ?? Fail("--pid-file needs a path", out error) };
                    break;
                case "--plugins":
                    plugins.Add(Value() ?? Fail("--plugins needs a directory", out error));
                    break;
                case "--validate":
                    options = options with { Validate = true };
                    break;
                case "--health-check":
                    options = options with { HealthCheck = true };
                    break;
                case "--diagnostic-report":
                    options = options with { DiagnosticReport = true };
                    break;
                case "--test-experiment":
                    options = options with { TestExperiment = Value() ?? DefaultTestExperiment };
                    break;
                case "--no-health-checks":
                    options = options with { NoHealthChecks = true };
                    break;
                case "--debug-grpc":
                    options = options with { DebugGrpc = true };
                    break;
                case "--version":
                    options = options with { Version = true };
                    break;
                case "--hash-api-key":
                    options = options with { HashApiKey = true };
                    break;
                case "--help" or "-h":
                    options = options with { Help = true };
                    break;
                default:
                    error = $"unknown argument '{args[i]}' (see --help)";
                    return null;
            }

            if (error is not null)
            {
                return null;
            }
        }

        var actions = new[]
        {
            options.Validate,
            options.HealthCheck,
            options.DiagnosticReport,
            options.TestExperiment is not null,
        }.Count(a => a);
        if (actions > 1)
        {
            error = "--validate, --health-check, --diagnostic-report and --test-experiment are mutually exclusive";
            return null;
        }

        if (options.Config is null && !options.Help && !options.Version && !options.HashApiKey)
        {
            error = "--config is required (a path, or a setup name looked up in $LEEQ_EPII_CONFIG_DIR)";
            return null;
        }

        return options with
        {
            PluginDirectories = plugins,
        };
    }

    private static string Fail(string message, out string? error)
    {
        error = message;
        return "";
    }
}
