using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

public sealed class SampleConfigTests
{
    private static readonly string[] Samples = Directory.GetFiles(
        Path.Combine(TestPaths.RepositoryRoot, "configs", "epii"),
        "*.json"
    );

    [Fact]
    public void Samples_EachHaveTheirOwnPortFromThePortPlan()
    {
        var ports = new Dictionary<int, string>();
        foreach (var sample in Samples)
        {
            var doc = JsonNode.Parse(File.ReadAllText(sample))!;
            var port = doc["port"]!.GetValue<int>();
            var type = doc["setup_type"]!.GetValue<string>();
            Assert.True(
                ports.TryAdd(port, sample),
                $"{sample} and {ports.GetValueOrDefault(port)} both use port {port}"
            );

            // 50051 default simulation, 50052-50059 more simulations, 50060-50069 hardware,
            // 50070-50099 development and testing.
            var allowed =
                type == "hardware"
                    ? port is >= 50060 and <= 50069 or >= 50070 and <= 50099
                    : port is >= 50051 and <= 50059 or >= 50070 and <= 50099;
            Assert.True(allowed, $"{Path.GetFileName(sample)}: a {type} setup on port {port} is outside the port plan");
        }
    }

    [Fact]
    public async Task Samples_ValidateWithTheBuiltHost()
    {
        foreach (var sample in Samples)
        {
            var result = await Run.ProgramAsync(
                Path.Combine(TestPaths.HostDirectory, "leeq-epii"),
                ["--config", sample, "--validate"]
            );

            Assert.True(result.ExitCode == 0, $"{sample}: {result}");
        }
    }
}
