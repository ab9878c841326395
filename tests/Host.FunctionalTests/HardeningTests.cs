using System.Globalization;
using Grpc.Core;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

/// <summary>Hostile and careless input that once got past the service.</summary>
public sealed class HardeningTests
{
    private static readonly string Sample = TestPaths.Config("simulation_2q.json");

    [Fact]
    public async Task SetParameters_BreakingTheDevicesOwnRules_IsRefusedWhole()
    {
        await using var host = await HostProcess.StartAsync(Sample);

        var reply = await host.Client.SetParametersAsync(
            new SetParametersRequest { Parameters = { ["sim.q0.t2"] = "200", ["q0.pi_amp"] = "0.3" } }
        );
        var read = await host.Client.GetParametersAsync(
            new ParameterRequest { ParameterNames = { "sim.q0.t2", "q0.pi_amp" } }
        );
        var run = await host.Client.RunExperimentAsync(
            new ExperimentRequest { ExperimentType = "t1", Parameters = { ["qubit"] = "q0", ["shots"] = "100" } }
        );

        Assert.False(reply.Success);
        Assert.Contains("t2", reply.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("2*t1", reply.ErrorMessage, StringComparison.Ordinal);
        Assert.NotEqual("200", read.Parameters["sim.q0.t2"]);
        Assert.NotEqual("0.3", read.Parameters["q0.pi_amp"]);
        Assert.True(run.Success);
    }

    [Fact]
    public async Task NullForAnArgumentWithDefault_IsInvalidArgument()
    {
        await using var host = await HostProcess.StartAsync(Sample);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            host
                .Client.RunExperimentAsync(
                    new ExperimentRequest
                    {
                        ExperimentType = "rabi",
                        Parameters = { ["dut_qubit"] = "q0", ["amp"] = "null" },
                    }
                )
                .ResponseAsync
        );

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("'amp' cannot be null", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArgumentCombinationErrors_AreAnsweredBeforeTheRunIsQueuedOrRecorded()
    {
        await using var host = await HostProcess.StartAsync(Sample);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            host
                .Client.RunExperimentAsync(
                    new ExperimentRequest
                    {
                        ExperimentType = "rabi",
                        Parameters =
                        {
                            ["dut_qubit"] = "q0",
                            ["start"] = "0.3",
                            ["stop"] = "0.01",
                        },
                    }
                )
                .ResponseAsync
        );
        var runs = await new LeeQ.Epii.Platform.Runs.V1.RunService.RunServiceClient(host.Channel).ListRunsAsync(
            new LeeQ.Epii.Platform.Runs.V1.ListRunsRequest()
        );

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("stop", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(runs.Runs);
    }

    [Fact]
    public async Task SecondDaemonOnTheSameStateDirectory_RefusesToStart()
    {
        using var state = new StateDirectory();
        await using var first = await HostProcess.StartAsync(Sample, state.Environment);

        var (code, stdout, _) = await CliProcess.RunAsync(
            [
                "--config",
                Sample,
                "--port",
                HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                "--pid-file",
                Path.Combine(state.Path, "second.pid"),
            ],
            state.Environment
        );

        Assert.Equal(1, code);
        Assert.Contains("in use by another leeq-epii process", stdout, StringComparison.Ordinal);
        Assert.Equal("Pong from LeeQ EPII service", (await first.Client.PingAsync(new Empty())).Message);
    }

    [Fact]
    public async Task GetParameters_ThousandsOfUnknownNames_StillAnswersTheKnownOnes()
    {
        await using var host = await HostProcess.StartAsync(Sample);
        var request = new ParameterRequest { ParameterNames = { "q0.f01" } };
        request.ParameterNames.Add(Enumerable.Range(0, 2000).Select(i => $"unknown.parameter.number_{i}"));
        request.ParameterNames.Add(new string('x', 100_000));

        var call = host.Client.GetParametersAsync(request);
        var reply = await call.ResponseAsync;
        var trailers = call.GetTrailers();

        Assert.True(reply.Parameters.ContainsKey("q0.f01"));
        Assert.Equal("2001", trailers.GetValue("x-epii-unknown-parameters-count"));
        Assert.Equal(50, trailers.GetValue("x-epii-unknown-parameters")!.Split(',').Length);
    }
}
