using Grpc.Health.V1;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.V1;
using ReflectionV1 = Grpc.Reflection.V1;
using ReflectionV1Alpha = Grpc.Reflection.V1Alpha;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

[Collection(SimulationHostCollection.Name)]
public sealed class ServiceDiscoveryTests(SimulationHostFixture fixture)
{
    private readonly HostProcess _host = fixture.Host;

    [Fact]
    public async Task Ping_ReturnsPongWithMillisecondTimestamp()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var reply = await _host.Client.PingAsync(new Empty());
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.Equal("Pong from LeeQ EPII service", reply.Message);
        Assert.InRange(reply.Timestamp, before - 1000, after + 1000);
    }

    [Fact]
    public async Task Reflection_V1_ListsPlatformAndHealthServices()
    {
        var client = new ReflectionV1.ServerReflection.ServerReflectionClient(_host.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ReflectionV1.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("epii.v1.ExperimentPlatformService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Reflection_V1Alpha_DescribesTheServiceFromItsSymbol()
    {
        var client = new ReflectionV1Alpha.ServerReflection.ServerReflectionClient(_host.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(
            new ReflectionV1Alpha.ServerReflectionRequest { FileContainingSymbol = "epii.v1.ExperimentPlatformService" }
        );
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call
            .ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto.Select(bytes =>
                Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes)
            )
            .ToList();

        var service = files.SelectMany(f => f.Service).Single(s => s.Name == "ExperimentPlatformService");
        Assert.Equal(
            [
                "GetCapabilities",
                "Ping",
                "RunExperiment",
                "ListAvailableExperiments",
                "ListParameters",
                "GetParameters",
                "SetParameters",
            ],
            service.Method.Select(m => m.Name)
        );
    }

    [Fact]
    public async Task Health_OverallServiceIsServing()
    {
        var health = new Health.HealthClient(_host.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest { Service = "" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task GetCapabilities_ReportsTheRealSetup()
    {
        var caps = await _host.Client.GetCapabilitiesAsync(new Empty());

        Assert.Equal("LeeQ", caps.FrameworkName);
        Assert.Equal("1.0.0", caps.EpiiVersion);
        Assert.Equal(["simulation"], caps.SupportedBackends);
        Assert.Equal("2", caps.Extensions["num_qubits"]);
        Assert.Equal("simulation_2q", caps.Extensions["setup_name"]);
        Assert.Contains("simulation.numeric@", caps.Extensions["plugins"], StringComparison.Ordinal);
        Assert.Contains("experiments.standard@", caps.Extensions["plugins"], StringComparison.Ordinal);
        Assert.Contains(caps.ExperimentTypes, e => e.Name == "calibrations.NormalisedRabi");
    }

    [Fact]
    public async Task ListAvailableExperiments_DescribesTypedParametersAndOutputs()
    {
        var list = await _host.Client.ListAvailableExperimentsAsync(new Empty());
        var rabi = list.Experiments.Single(e => e.Name == "calibrations.NormalisedRabi");
        var t1 = list.Experiments.Single(e => e.Name == "characterizations.SimpleT1");

        var qubit = rabi.Parameters.Single(p => p.Name == "dut_qubit");
        Assert.Equal("qubit", qubit.Type);
        Assert.True(qubit.Required);
        var allowedTypes = new[] { "float", "int", "bool", "string", "qubit", "qubit_list", "float_list" };
        Assert.All(rabi.Parameters.Concat(t1.Parameters), p => Assert.Contains(p.Type, allowedTypes));
        Assert.All(rabi.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.Contains("data", rabi.OutputParameters);
        Assert.Contains(rabi.Attributes, a => a.Name == "data" && a.Type == "float64");
    }
}
