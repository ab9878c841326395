using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Host.Cli;
using LeeQ.Epii.Platform.Host.Plugins;
using Microsoft.Extensions.Logging.Abstractions;
using Serilog.Events;

namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>
/// Reads a setup file and validates all of it before anything starts: JSON syntax, the host
/// schema, each plugin's section schema, the backend's cross-field rules and the environment.
/// Every problem is collected, not only the first.
/// </summary>
internal static class SetupLoader
{
    private const int PortPlanFirst = 50051;
    private const int PortPlanLast = 50099;

    public static async Task<SetupDefinition> LoadAsync(
        string configPath,
        CommandLineOptions cli,
        HostEnvironment environment,
        PluginCatalog catalog,
        IReadOnlyList<IQuantumBackendFactory> factories,
        ILoggerFactory? loggerFactory = null
    )
    {
        var problems = new List<ConfigProblem>();
        var document = ConfigFileReader.Read(configPath, problems);
        if (document is null)
        {
            return new SetupDefinition(null, null, problems);
        }

        if (LegacyConfigMapper.IsLegacy(document))
        {
            LegacyConfigMapper.Map(document, problems);
        }

        var sections = catalog.Plugins.SelectMany(p => p.Entry.ConfigSections).ToList();
        var sectionNames = sections.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var hostSchema = await SchemaValidator.CreateAsync(ReadHostSchema()).ConfigureAwait(false);
        hostSchema.Validate(document, "$", problems, sectionNames);
        foreach (var section in sections)
        {
            if (document[section.Name] is { } value)
            {
                var validator = await SchemaValidator.CreateAsync(section.SchemaJson).ConfigureAwait(false);
                validator.Validate(value, $"$.{section.Name}", problems);
            }
        }

        if (catalog.Failures.Count > 0)
        {
            foreach (
                var unknown in document
                    .Select(p => p.Key)
                    .Where(k => !sectionNames.Contains(k) && !hostSchema.TopLevelProperties.Contains(k))
            )
            {
                problems.Add(
                    new ConfigProblem(
                        $"$.{unknown}",
                        $"no loaded plugin owns this section; {catalog.Failures.Count} plugin(s) failed to load (see --diagnostic-report)",
                        ProblemSeverity.Warning
                    )
                );
            }
        }

        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            CheckBackendRulesDespiteErrors(
                document,
                configPath,
                factories,
                loggerFactory ?? NullLoggerFactory.Instance,
                problems
            );
            return new SetupDefinition(document, null, problems);
        }

        var settings = ResolveSettings(configPath, document, cli, environment, problems);
        CheckCrossFieldRules(document, settings, factories, loggerFactory ?? NullLoggerFactory.Instance, problems);
        return new SetupDefinition(
            document,
            problems.Any(p => p.Severity == ProblemSeverity.Error) ? null : settings,
            problems
        );
    }

    /// <summary>The backend configuration handed to factories.</summary>
    public static BackendConfiguration ToBackendConfiguration(
        JsonObject document,
        HostSettings settings,
        ILoggerFactory loggerFactory
    ) =>
        new()
        {
            SetupName = settings.SetupName,
            SetupType = settings.SetupType,
            Document = JsonSerializer.SerializeToElement(document),
            StateDirectory = settings.StoragePath ?? DefaultStateDirectory(settings.SetupName),
            LoggerFactory = loggerFactory,
        };

    /// <summary>
    /// The state directory when <c>storage.path</c> is not set: systemd's <c>$STATE_DIRECTORY</c>
    /// for installed instances, else the user's XDG state directory.
    /// </summary>
    public static string DefaultStateDirectory(string setupName)
    {
        var systemd = Environment.GetEnvironmentVariable("STATE_DIRECTORY");
        if (!string.IsNullOrWhiteSpace(systemd))
        {
            return Path.Combine(systemd.Split(':')[0], setupName);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return Path.Combine(root, "leeq-epii", setupName);
    }

    private static string ReadHostSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("host-config.schema.json")
            ?? throw new InvalidOperationException("the host configuration schema is missing from the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static HostSettings ResolveSettings(
        string configPath,
        JsonObject doc,
        CommandLineOptions cli,
        HostEnvironment env,
        List<ConfigProblem> problems
    )
    {
        int? envPort = null;
        if (env.Port is { } portText)
        {
            if (
                int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                && p is >= 1 and <= 65535
            )
            {
                envPort = p;
            }
            else
            {
                problems.Add(new ConfigProblem("LEEQ_EPII_PORT", $"'{portText}' is not a port number from 1 to 65535"));
            }
        }

        LogEventLevel? envLevel = null;
        if (env.LogLevel is { } levelText)
        {
            envLevel = LogLevels.Parse(levelText);
            if (envLevel is null)
            {
                problems.Add(
                    new ConfigProblem(
                        "LEEQ_EPII_LOG_LEVEL",
                        $"'{levelText}' is not one of {string.Join(", ", LogLevels.Names)}"
                    )
                );
            }
        }

        int? envMessageSize = null;
        if (env.MaxMessageSize is { } sizeText)
        {
            if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s >= 1024)
            {
                envMessageSize = s;
            }
            else
            {
                problems.Add(
                    new ConfigProblem(
                        "LEEQ_EPII_MAX_MESSAGE_SIZE",
                        $"'{sizeText}' is not a byte count from 1024 to {int.MaxValue}"
                    )
                );
            }
        }

        int? Int(JsonNode? node, string path) => Checked<int>(node, path, problems);
        double? Number(JsonNode? node, string path) => Checked<double>(node, path, problems);
        var grpc = doc["grpc"] as JsonObject;
        var logging = doc["logging"] as JsonObject;
        var experiments = doc["experiments"] as JsonObject;
        if (logging?["format"] is not null)
        {
            problems.Add(
                new ConfigProblem(
                    "$.logging.format",
                    "accepted for compatibility and ignored: the line format is fixed",
                    ProblemSeverity.Warning
                )
            );
        }

        if (grpc?["keepalive_permit_without_calls"] is not null)
        {
            problems.Add(
                new ConfigProblem(
                    "$.grpc.keepalive_permit_without_calls",
                    "accepted for compatibility and ignored: the server always answers keepalive pings",
                    ProblemSeverity.Warning
                )
            );
        }

        return new HostSettings
        {
            ConfigPath = configPath,
            SetupType = doc["setup_type"]!.GetValue<string>(),
            SetupName = doc["setup_name"]!.GetValue<string>(),
            Description = doc["description"]?.GetValue<string>() ?? "",
            Port = cli.Port ?? envPort ?? Int(doc["port"], "$.port") ?? 50051,
            BindAddress = doc["bind_address"]?.GetValue<string>() ?? "::",
            MaxWorkers = Int(doc["max_workers"], "$.max_workers")
                ?? Int(grpc?["max_workers"], "$.grpc.max_workers")
                ?? 10,
            ExperimentTimeout = TimeSpan.FromSeconds(Number(doc["timeout"], "$.timeout") ?? 300),
            LogLevel = LogLevels.Parse(cli.LogLevel)
                ?? envLevel
                ?? LogLevels.Parse(logging?["level"]?.GetValue<string>())
                ?? LogEventLevel.Information,
            MaxMessageSize = envMessageSize
                ?? Int(grpc?["max_message_size"], "$.grpc.max_message_size")
                ?? (64 * 1024 * 1024),
            KeepAliveTime = Int(grpc?["keepalive_time_ms"], "$.grpc.keepalive_time_ms") is { } kt
                ? TimeSpan.FromMilliseconds(kt)
                : null,
            KeepAliveTimeout = Int(grpc?["keepalive_timeout_ms"], "$.grpc.keepalive_timeout_ms") is { } kto
                ? TimeSpan.FromMilliseconds(kto)
                : null,
            MaxConcurrentExperiments = Int(experiments?["max_concurrent"], "$.experiments.max_concurrent"),
            QueueSize = Int(experiments?["queue_size"], "$.experiments.queue_size") ?? 16,
            StoragePath = (doc["storage"] as JsonObject)?["path"]?.GetValue<string>(),
            RetentionMaxRuns = Int(doc["storage"]?["retention"]?["max_runs"], "$.storage.retention.max_runs") ?? 10_000,
            RetentionMaxAge = TimeSpan.FromDays(
                Number(doc["storage"]?["retention"]?["max_age_days"], "$.storage.retention.max_age_days") ?? 90
            ),
            ShutdownGrace = TimeSpan.FromSeconds(
                Number(doc["shutdown"]?["grace_period"], "$.shutdown.grace_period") ?? 25
            ),
            TlsEnabled = doc["tls"]?["enabled"]?.GetValue<bool>() ?? false,
            TlsCertFile = doc["tls"]?["cert_file"]?.GetValue<string>(),
            TlsKeyFile = doc["tls"]?["key_file"]?.GetValue<string>(),
            ApiKeyHashes =
            [
                .. (doc["auth"]?["api_key_hashes"] as JsonArray ?? []).Select(h =>
                    h!.GetValue<string>()["sha256:".Length..]
                ),
            ],
            MetricsEnabled = doc["metrics"]?["enabled"]?.GetValue<bool>() ?? false,
            MetricsPort = Int(doc["metrics"]?["port"], "$.metrics.port") ?? 9464,
            MetricsBindAddress = doc["metrics"]?["bind_address"]?.GetValue<string>() ?? "127.0.0.1",
        };
    }

    /// <summary>
    /// Runs the backend's own rules even though other parts of the file have errors, as long as the
    /// setup type and the backend's section are sound, so that one pass reports every problem.
    /// </summary>
    private static void CheckBackendRulesDespiteErrors(
        JsonObject doc,
        string configPath,
        IReadOnlyList<IQuantumBackendFactory> factories,
        ILoggerFactory loggerFactory,
        List<ConfigProblem> problems
    )
    {
        var setupType = doc["setup_type"] is JsonValue type && type.TryGetValue<string>(out var text) ? text : null;
        var section = setupType switch
        {
            "simulation" => "simulation",
            "hardware" => "hardware",
            _ => null,
        };
        if (
            section is null
            || problems.Any(p =>
                p.Severity == ProblemSeverity.Error && p.Location.StartsWith($"$.{section}", StringComparison.Ordinal)
            )
        )
        {
            return;
        }

        var provisional = new HostSettings
        {
            ConfigPath = configPath,
            SetupType = setupType!,
            SetupName = doc["setup_name"] is JsonValue name && name.TryGetValue<string>(out var n) ? n : "unnamed",
        };
        var configuration = ToBackendConfiguration(doc, provisional, loggerFactory);
        if (factories.FirstOrDefault(f => f.Matches(configuration)) is not { } factory)
        {
            return;
        }

        try
        {
            problems.AddRange(factory.Validate(configuration).Select(p => new ConfigProblem(p.Path, p.Message)));
        }
        catch (Exception ex)
            when (ex
                    is InvalidOperationException
                        or FormatException
                        or KeyNotFoundException
                        or System.Text.Json.JsonException
            )
        {
            // The section is schema-valid, but another error leaves the backend unable to judge it;
            // its rules run again once that error is fixed.
        }
    }

    private static bool IsLocalAddress(System.Net.IPAddress address) =>
        address.Equals(System.Net.IPAddress.Any)
        || address.Equals(System.Net.IPAddress.IPv6Any)
        || System.Net.IPAddress.IsLoopback(address)
        || System
            .Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Any(u => u.Address.Equals(address));

    /// <summary>Reads a number the schema accepted, reporting one too large for the setting instead of failing.</summary>
    private static T? Checked<T>(JsonNode? node, string path, List<ConfigProblem> problems)
        where T : struct
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<T>(out var result))
        {
            return result;
        }

        problems.Add(
            new ConfigProblem(path, $"{Text.Clip.Text(node.ToJsonString())} is out of range for this setting")
        );
        return null;
    }

    private static void CheckCrossFieldRules(
        JsonObject doc,
        HostSettings settings,
        IReadOnlyList<IQuantumBackendFactory> factories,
        ILoggerFactory loggerFactory,
        List<ConfigProblem> problems
    )
    {
        if (doc["port"]?.GetValue<int>() is { } filePort and (< PortPlanFirst or > PortPlanLast))
        {
            problems.Add(
                new ConfigProblem(
                    "$.port",
                    $"{filePort} is outside the port plan {PortPlanFirst}-{PortPlanLast} (see docs/operations.md)",
                    ProblemSeverity.Warning
                )
            );
        }

        if (!System.Net.IPAddress.TryParse(settings.BindAddress, out var bind))
        {
            problems.Add(
                new ConfigProblem(
                    "$.bind_address",
                    $"'{Text.Clip.Text(settings.BindAddress)}' is not an IP address (use ::, 0.0.0.0, 127.0.0.1 or an address of this machine)"
                )
            );
        }
        else if (!IsLocalAddress(bind))
        {
            problems.Add(new ConfigProblem("$.bind_address", $"{bind} is not an address of this machine"));
        }

        if (settings.TlsEnabled)
        {
            foreach (
                var (key, file) in new[] { ("cert_file", settings.TlsCertFile), ("key_file", settings.TlsKeyFile) }
            )
            {
                if (file is null)
                {
                    problems.Add(new ConfigProblem($"$.tls.{key}", "required when tls.enabled is true"));
                }
                else if (!File.Exists(file))
                {
                    problems.Add(new ConfigProblem($"$.tls.{key}", $"file '{file}' does not exist"));
                }
            }
        }
        else if (settings.TlsCertFile is not null || settings.TlsKeyFile is not null)
        {
            problems.Add(
                new ConfigProblem(
                    "$.tls.enabled",
                    "tls files are given but tls.enabled is not true; the port serves plain text",
                    ProblemSeverity.Warning
                )
            );
        }

        if (settings.MetricsEnabled && settings.MetricsPort == settings.Port)
        {
            problems.Add(
                new ConfigProblem(
                    "$.metrics.port",
                    $"{settings.MetricsPort} is also the gRPC port; give metrics a port of their own"
                )
            );
        }

        if (doc["metrics"] is not null && !settings.MetricsEnabled)
        {
            problems.Add(
                new ConfigProblem(
                    "$.metrics.enabled",
                    "metrics settings are given but metrics.enabled is not true; no metrics port is opened",
                    ProblemSeverity.Warning
                )
            );
        }

        if (settings.SetupType == "hardware" && doc["hardware"] is null)
        {
            problems.Add(
                new ConfigProblem("$.hardware", "setup_type is 'hardware' but the 'hardware' section is missing")
            );
            return;
        }

        if (settings.SetupType == "hardware" && doc["simulation"] is not null)
        {
            problems.Add(
                new ConfigProblem("$.simulation", "ignored: setup_type is 'hardware'", ProblemSeverity.Warning)
            );
        }

        if (settings.SetupType == "simulation" && doc["hardware"] is not null)
        {
            problems.Add(
                new ConfigProblem("$.hardware", "ignored: setup_type is 'simulation'", ProblemSeverity.Warning)
            );
        }

        var configuration = ToBackendConfiguration(doc, settings, loggerFactory);
        var factory = factories.FirstOrDefault(f => f.Matches(configuration));
        if (factory is null)
        {
            var known =
                factories.Count == 0
                    ? "no backend plugin is loaded"
                    : $"loaded backends: {string.Join(", ", factories.Select(f => f.Name))}";
            problems.Add(
                new ConfigProblem(
                    "$.setup_type",
                    $"no backend plugin handles setup_type '{settings.SetupType}' ({known})"
                )
            );
            return;
        }

        foreach (var (path, message) in factory.Validate(configuration))
        {
            problems.Add(new ConfigProblem(path, message));
        }
    }
}
