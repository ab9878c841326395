using System.Text.Json.Nodes;

namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>
/// Maps the original service's flat setup format (<c>num_qubits</c>, <c>simulation_backend</c>,
/// <c>parameters.qubits.q0.f01</c> in Hz, <c>experiment_timeout</c>, <c>log_level</c>, ...) onto the
/// canonical format, reporting each mapping and each key it does not use as a warning.
/// Values keep their SI units (Hz, s); the original's unit slips are not reproduced.
/// </summary>
internal static class LegacyConfigMapper
{
    private static readonly string[] FlatMarkers =
    [
        "num_qubits",
        "simulation_backend",
        "parameters",
        "experiment_timeout",
        "log_level",
        "max_experiment_workers",
        "request_log_file",
        "chronicle",
        "type",
        "name",
    ];

    private static readonly Dictionary<string, string> LegacyQubitFields = new(StringComparer.Ordinal)
    {
        ["f01"] = "f01",
        ["anharmonicity"] = "anharmonicity",
        ["t1"] = "t1",
        ["characterizations.SimpleT1"] = "t1",
        ["t2"] = "t2",
        ["readout_frequency"] = "readout_frequency",
    };

    /// <summary>True when the document uses the original flat format.</summary>
    public static bool IsLegacy(JsonObject document) => FlatMarkers.Any(document.ContainsKey);

    /// <summary>Rewrites <paramref name="document"/> in place into the canonical format.</summary>
    public static void Map(JsonObject document, List<ConfigProblem> problems)
    {
        problems.Add(
            new ConfigProblem(
                "$",
                "the original flat setup format was detected and mapped onto the canonical one (see docs/configuration.md)",
                ProblemSeverity.Warning
            )
        );
        Rename(document, "type", "setup_type", problems);
        Rename(document, "name", "setup_name", problems);
        Rename(document, "experiment_timeout", "timeout", problems);
        if (document["log_level"] is { } level)
        {
            document.Remove("log_level");
            var logging = document["logging"] as JsonObject ?? [];
            document["logging"] = logging;
            logging["level"] = level.DeepClone();
            problems.Add(Mapped("$.log_level", "$.logging.level"));
        }

        if (document["max_experiment_workers"] is { } workers)
        {
            document.Remove("max_experiment_workers");
            var experiments = document["experiments"] as JsonObject ?? [];
            document["experiments"] = experiments;
            experiments["max_concurrent"] = workers.DeepClone();
            problems.Add(Mapped("$.max_experiment_workers", "$.experiments.max_concurrent"));
        }

        foreach (
            var ignored in new[] { "request_log_file", "chronicle", "skip_health_checks", "debug_grpc", "setup_class" }
        )
        {
            if (document.Remove(ignored))
            {
                problems.Add(
                    new ConfigProblem(
                        $"$.{ignored}",
                        "key of the original service that this one does not use; ignored",
                        ProblemSeverity.Warning
                    )
                );
            }
        }

        var parameters = document["parameters"] as JsonObject;
        document.Remove("parameters");
        var isSimulation = (document["setup_type"]?.GetValue<string>() ?? "simulation") == "simulation";
        if (!isSimulation)
        {
            MapHardware(document, parameters, problems);
            return;
        }

        var simulation = document["simulation"] as JsonObject ?? [];
        document["simulation"] = simulation;
        var backend = document["simulation_backend"] ?? parameters?["simulation_backend"];
        document.Remove("simulation_backend");
        parameters?.Remove("simulation_backend");
        if (backend is not null)
        {
            var name =
                backend.GetValueKind() == System.Text.Json.JsonValueKind.String
                    ? backend.GetValue<string>()
                    : backend.ToJsonString();
            simulation["backend"] = name == "high_level" ? "numpy" : name;
            problems.Add(
                name == "high_level"
                    ? new ConfigProblem(
                        "$.simulation_backend",
                        "'high_level' (closed-form curves) is not offered; the numeric engine 'numpy' is used",
                        ProblemSeverity.Warning
                    )
                    : Mapped("$.simulation_backend", "$.simulation.backend")
            );
        }

        var count = document["num_qubits"] ?? parameters?["num_qubits"];
        document.Remove("num_qubits");
        parameters?.Remove("num_qubits");
        var qubitBlocks = parameters?["qubits"] as JsonObject;
        parameters?.Remove("qubits");
        MapQubits(simulation, count, qubitBlocks, problems);

        if (parameters?["couplings"] is JsonObject couplings)
        {
            parameters.Remove("couplings");
            simulation["couplings"] = couplings.DeepClone();
            problems.Add(Mapped("$.parameters.couplings", "$.simulation.couplings"));
        }

        foreach (var (key, _) in parameters?.ToList() ?? [])
        {
            problems.Add(
                new ConfigProblem(
                    $"$.parameters.{key}",
                    "key of the original service that this one does not use; ignored",
                    ProblemSeverity.Warning
                )
            );
        }
    }

    private static void MapQubits(
        JsonObject simulation,
        JsonNode? count,
        JsonObject? blocks,
        List<ConfigProblem> problems
    )
    {
        if (blocks is null || blocks.Count == 0)
        {
            if (count is not null)
            {
                simulation["qubits"] = count.DeepClone();
                problems.Add(Mapped("$.num_qubits", "$.simulation.qubits"));
            }

            return;
        }

        var n = count?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? count.GetValue<int>() : blocks.Count;
        var qubits = new JsonArray();
        for (var i = 0; i < n; i++)
        {
            var source = blocks[$"q{i}"] as JsonObject ?? blocks[$"Q{i}"] as JsonObject;
            var target = new JsonObject();
            foreach (var (key, value) in source?.ToList() ?? [])
            {
                if (LegacyQubitFields.TryGetValue(key, out var canonical))
                {
                    target[canonical] = value?.DeepClone();
                }
                else
                {
                    problems.Add(
                        new ConfigProblem(
                            $"$.parameters.qubits.q{i}.{key}",
                            "qubit field of the original service that this one does not use; ignored",
                            ProblemSeverity.Warning
                        )
                    );
                }
            }

            qubits.Add(target);
        }

        foreach (var (key, _) in blocks)
        {
            if (!int.TryParse(key.AsSpan(1), out var index) || index >= n || char.ToLowerInvariant(key[0]) != 'q')
            {
                problems.Add(
                    new ConfigProblem($"$.parameters.qubits.{key}", $"not one of the {n} qubits q0..q{n - 1}")
                );
            }
        }

        simulation["qubits"] = qubits;
        problems.Add(Mapped("$.parameters.qubits", "$.simulation.qubits"));
    }

    private static void MapHardware(JsonObject document, JsonObject? parameters, List<ConfigProblem> problems)
    {
        if (parameters?["hardware_type"] is { } type)
        {
            var hardware = document["hardware"] as JsonObject ?? [];
            document["hardware"] = hardware;
            var name = type.GetValue<string>();
            hardware["type"] = name == "qubic" ? "qubic_lbnl" : name;
            problems.Add(Mapped("$.parameters.hardware_type", "$.hardware.type"));
            parameters.Remove("hardware_type");
        }

        foreach (var (key, _) in parameters?.ToList() ?? [])
        {
            problems.Add(
                new ConfigProblem(
                    $"$.parameters.{key}",
                    "key of the original service that this one does not use; ignored",
                    ProblemSeverity.Warning
                )
            );
        }
    }

    private static void Rename(JsonObject document, string from, string to, List<ConfigProblem> problems)
    {
        if (document[from] is not { } value)
        {
            return;
        }

        document.Remove(from);
        if (document.ContainsKey(to))
        {
            problems.Add(
                new ConfigProblem(
                    $"$.{from}",
                    $"both '{from}' and '{to}' are given; '{to}' is used",
                    ProblemSeverity.Warning
                )
            );
            return;
        }

        document[to] = value;
        problems.Add(Mapped($"$.{from}", $"$.{to}"));
    }

    private static ConfigProblem Mapped(string from, string to) =>
        new(from, $"mapped to {to}", ProblemSeverity.Warning);
}
