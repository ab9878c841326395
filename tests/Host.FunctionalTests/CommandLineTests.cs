using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("simulation_2q.json")]
    [InlineData("minimal.json")]
    [InlineData("hardware_qubic.json")]
    public async Task Validate_ShippedSample_ExitsZero(string sample)
    {
        var (code, stdout, _) = await CliProcess.RunAsync(["--config", TestPaths.Config(sample), "--validate"]);

        Assert.True(code == 0, stdout);
        Assert.Contains("Configuration is valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenFile_ExitsOneNamingTheField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            path,
            """{ "setup_type": "simulation", "setup_name": "b", "port": "fifty", "simulation": { "qubits": 2 } }"""
        );

        var (code, stdout, _) = await CliProcess.RunAsync(["--config", path, "--validate"]);

        Assert.Equal(1, code);
        Assert.Contains("$.port", stdout, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task UnknownFlag_IsUsageErrorWithExitTwo()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(["--config", "x.json", "--frobnicate"]);

        Assert.Equal(2, code);
        Assert.Contains("--frobnicate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_InvalidFile_ExitsOneBeforeListening()
    {
        var path = Path.Combine(Path.GetTempPath(), $"invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            path,
            """{ "setup_type": "simulation", "setup_name": "b", "simulation": { "qubits": 2, "levles": 3 } }"""
        );

        var (code, stdout, _) = await CliProcess.RunAsync([
            "--config",
            path,
            "--port",
            HostProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);

        Assert.Equal(1, code);
        Assert.Contains("levles", stdout, StringComparison.Ordinal);
        File.Delete(path);
    }
}
