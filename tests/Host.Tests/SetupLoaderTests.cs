using LeeQ.Epii.Platform.Host.Cli;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Plugins;

namespace LeeQ.Epii.Platform.Host.Tests;

public sealed class SetupLoaderTests : IDisposable
{
    private static readonly PluginCatalog Catalog = PluginCatalog.Discover([TestPaths.PluginDirectory]);
    private readonly string _directory = Directory.CreateTempSubdirectory("leeq-epii-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Load_ShippedSimulationSample_IsValidWithTwoQubits()
    {
        var setup = await LoadAsync(File.ReadAllText(TestPaths.Config("simulation_2q.json")));

        Assert.True(setup.IsValid, string.Join(Environment.NewLine, setup.Problems));
        Assert.Empty(setup.Warnings);
        Assert.Equal("simulation_2q", setup.Settings!.SetupName);
        Assert.Equal(50051, setup.Settings.Port);
    }

    [Fact]
    public async Task Load_SyntaxError_ReportsLineAndColumn()
    {
        var setup = await LoadAsync(
            "{\n  \"setup_type\": \"simulation\",\n  \"setup_name\": \"x\"\n  \"port\": 50051\n}\n"
        );

        var problem = Assert.Single(setup.Errors);
        Assert.Contains("line 4, column 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_UnknownKey_IsAnErrorWithSuggestion()
    {
        var setup = await LoadAsync(
            """{ "setup_type": "simulation", "setup_name": "x", "simulation": { "qubits": 2, "coupling": {} } }"""
        );

        var problem = Assert.Single(setup.Errors);
        Assert.Equal("$.simulation.coupling", problem.Location);
        Assert.Contains("'couplings'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_WrongType_NamesThePath()
    {
        var setup = await LoadAsync(
            """{ "setup_type": "simulation", "setup_name": "x", "timeout": "long", "simulation": { "qubits": 2 } }"""
        );

        var problem = Assert.Single(setup.Errors);
        Assert.Equal("$.timeout", problem.Location);
        Assert.Contains("must be a number", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_DuplicateKey_IsAnError()
    {
        var setup = await LoadAsync(
            """{ "setup_type": "simulation", "setup_name": "x", "setup_name": "y", "simulation": { "qubits": 1 } }"""
        );

        Assert.Contains(setup.Errors, p =>
            p.Location == "$.setup_name" && p.Message.Contains("more than once", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Load_EveryProblemIsReported_NotOnlyTheFirst()
    {
        var setup = await LoadAsync(
            """{ "setup_type": "simulator", "setup_name": "a b", "port": 0, "simulation": { "qubits": 2 } }"""
        );

        Assert.Equal(
            ["$.port", "$.setup_name", "$.setup_type"],
            setup.Errors.Select(e => e.Location).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task Load_BackendRules_AreReportedAlongsideUnrelatedSchemaErrors()
    {
        var setup = await LoadAsync(
            """
            { "setup_type": "simulation", "setup_name": "x", "port": "fifty",
              "simulation": { "qubits": [ { "t1": 1e-5, "t2": 5e-5 } ] } }
            """
        );

        Assert.Contains(setup.Errors, p => p.Location == "$.port");
        Assert.Contains(setup.Errors, p => p.Location == "$.simulation.qubits[0].t2");
    }

    [Theory]
    [InlineData("\"max_workers\": 99999999999999999999", "$.max_workers")]
    [InlineData("\"bind_address\": \"not-an-ip\"", "$.bind_address")]
    [InlineData("\"bind_address\": \"192.0.2.77\"", "$.bind_address")]
    [InlineData("\"timeout\": 1e-300", "$.timeout")]
    public async Task Load_ImplausibleValues_AreLocatedErrors(string member, string location)
    {
        var setup = await LoadAsync(
            $$"""{ "setup_type": "simulation", "setup_name": "x", {{member}}, "simulation": { "qubits": 1 } }"""
        );

        Assert.Contains(setup.Errors, p => p.Location == location);
    }

    [Fact]
    public async Task Load_Directory_IsSaidToBeADirectory()
    {
        var setup = await SetupLoader.LoadAsync(
            _directory,
            new CommandLineOptions(),
            HostEnvironment.From(_ => null),
            Catalog,
            PluginFactories.Create(Catalog)
        );

        Assert.Contains("is a directory", Assert.Single(setup.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_TrailingComma_IsExplainedInPlainWords()
    {
        var setup = await LoadAsync("{ \"setup_type\": \"simulation\", }");

        var problem = Assert.Single(setup.Errors);
        Assert.Contains("trailing commas are not allowed", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_OriginalFlatFormat_IsMappedWithWarnings()
    {
        var setup = await LoadAsync(
            """
            { "setup_type": "simulation", "setup_name": "flat", "port": 50052, "num_qubits": 2, "log_level": "DEBUG",
              "experiment_timeout": 30, "simulation_backend": "numpy",
              "parameters": { "qubits": { "q0": { "f01": 5.0e9, "characterizations.SimpleT1": 2.0e-5, "t2": 1.5e-5 },
                                          "q1": { "f01": 5.1e9, "t2": 1.8e-5 } } } }
            """
        );

        Assert.True(setup.IsValid, string.Join(Environment.NewLine, setup.Problems));
        Assert.Equal(TimeSpan.FromSeconds(30), setup.Settings!.ExperimentTimeout);
        Assert.Equal(Serilog.Events.LogEventLevel.Debug, setup.Settings.LogLevel);
        var qubits = setup.Document!["simulation"]!["qubits"]!.AsArray();
        Assert.Equal(2.0e-5, qubits[0]!["t1"]!.GetValue<double>());
        Assert.Contains(setup.Warnings, w => w.Location == "$.experiment_timeout");
    }

    [Fact]
    public async Task Load_EnvironmentAndCommandLine_TakePrecedenceOverTheFile()
    {
        var json =
            """{ "setup_type": "simulation", "setup_name": "p", "port": 50060, "logging": { "level": "ERROR" }, "simulation": { "qubits": 1 } }""";
        var environment = HostEnvironment.From(name =>
            name switch
            {
                "LEEQ_EPII_PORT" => "50061",
                "LEEQ_EPII_LOG_LEVEL" => "DEBUG",
                "LEEQ_EPII_MAX_MESSAGE_SIZE" => "2048",
                _ => null,
            }
        );

        var fromEnvironment = await LoadAsync(json, environment: environment);
        var fromCommandLine = await LoadAsync(
            json,
            new CommandLineOptions { Port = 50062, LogLevel = "WARNING" },
            environment
        );

        Assert.Equal(50061, fromEnvironment.Settings!.Port);
        Assert.Equal(Serilog.Events.LogEventLevel.Debug, fromEnvironment.Settings.LogLevel);
        Assert.Equal(2048, fromEnvironment.Settings.MaxMessageSize);
        Assert.Equal(50062, fromCommandLine.Settings!.Port);
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, fromCommandLine.Settings.LogLevel);
    }

    [Fact]
    public async Task Load_BadEnvironmentValue_IsAnErrorNamingTheVariable()
    {
        var setup = await LoadAsync(
            """{ "setup_type": "simulation", "setup_name": "e", "simulation": { "qubits": 1 } }""",
            environment: HostEnvironment.From(name => name == "LEEQ_EPII_PORT" ? "fifty" : null)
        );

        Assert.Contains(setup.Errors, p => p.Location == "LEEQ_EPII_PORT");
    }

    [Fact]
    public void ResolveConfigPath_BareNameUsesConfigDirectory()
    {
        var environment = HostEnvironment.From(name => name == "LEEQ_EPII_CONFIG_DIR" ? "/srv/setups" : null);

        Assert.Equal("/srv/setups/lab1.json", environment.ResolveConfigPath("lab1"));
        Assert.Equal("/etc/leeq-epii/lab1.json", HostEnvironment.From(_ => null).ResolveConfigPath("lab1"));
    }

    private async Task<SetupDefinition> LoadAsync(
        string json,
        CommandLineOptions? options = null,
        HostEnvironment? environment = null
    )
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return await SetupLoader.LoadAsync(
            path,
            options ?? new CommandLineOptions(),
            environment ?? HostEnvironment.From(_ => null),
            Catalog,
            PluginFactories.Create(Catalog)
        );
    }
}
