using System.Globalization;
using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.Platform.Runs.V1;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

/// <summary>Calibration as a client drives it: through gRPC, against the simulator's ground truth.</summary>
public sealed class CalibrationLoopTests
{
    private static readonly string Sample = TestPaths.Config("simulation_2q.json");

    [Fact]
    public async Task TuneUp_FromDetunedDevice_EndsCalibrated_AndHistoryShowsEachUpdate()
    {
        await using var host = await HostProcess.StartAsync(Sample);
        var truth = await GetAsync(host, "sim.q0.f01", "q0.pi_amp");
        var trueF01 = truth["sim.q0.f01"];
        var goodPiAmp = truth["q0.pi_amp"];
        var detuned = await host.Client.SetParametersAsync(
            new SetParametersRequest
            {
                Parameters =
                {
                    ["q0.f01"] = (trueF01 + 3.0).ToString("R", CultureInfo.InvariantCulture),
                    ["q0.pi_amp"] = (goodPiAmp * 1.2).ToString("R", CultureInfo.InvariantCulture),
                },
            }
        );
        Assert.True(detuned.Success, detuned.ErrorMessage);

        var response = await host.Client.RunExperimentAsync(
            new ExperimentRequest
            {
                ExperimentType = "tuneup",
                Parameters =
                {
                    ["dut"] = "q0",
                    ["seed"] = "2024",
                    ["include_coherence"] = "false",
                },
            }
        );
        var after = await GetAsync(host, "q0.f01", "q0.pi_amp");
        var runs = new RunService.RunServiceClient(host.Channel);
        var f01History = await runs.GetParameterHistoryAsync(new ParameterHistoryRequest { Name = "q0.f01" });
        var ampHistory = await runs.GetParameterHistoryAsync(new ParameterHistoryRequest { Name = "q0.pi_amp" });

        Assert.True(
            response.Data.Single(d => d.Name == "completed").Boolean,
            response.Data.Single(d => d.Name == "step_results").Text
        );
        Assert.InRange(after["q0.f01"], trueF01 - 0.05, trueF01 + 0.05);
        Assert.InRange(after["q0.pi_amp"], goodPiAmp * 0.98, goodPiAmp * 1.02);
        Assert.Equal("client", f01History.Changes.Last().SourceKind);
        Assert.Contains(f01History.Changes, c =>
            c.SourceKind == "run" && c.Source.StartsWith(response.Metadata["run_id"], StringComparison.Ordinal)
        );
        Assert.True(ampHistory.Changes.Count(c => c.SourceKind == "run") >= 2, "Rabi and ping-pong both refine pi_amp");
    }

    [Fact]
    public async Task ZeroDriveAmplitude_IsSuccessWithBadFit_AndNothingWritten()
    {
        await using var host = await HostProcess.StartAsync(Sample);
        var before = await GetAsync(host, "q0.pi_amp");

        var response = await host.Client.RunExperimentAsync(
            new ExperimentRequest
            {
                ExperimentType = "rabi",
                Parameters =
                {
                    ["dut_qubit"] = "q0",
                    ["amp"] = "0",
                    ["update"] = "true",
                    ["seed"] = "9",
                },
            }
        );
        var after = await GetAsync(host, "q0.pi_amp");

        Assert.True(response.Success);
        Assert.Equal("bad", response.Data.Single(d => d.Name == "fit_quality").Text);
        Assert.Equal("bad", response.Metadata["fit_quality"]);
        Assert.Equal("{}", response.Metadata["calibration_updates"]);
        Assert.False(string.IsNullOrWhiteSpace(response.Metadata["update_note"]));
        Assert.Equal(before["q0.pi_amp"], after["q0.pi_amp"]);
    }

    [Fact]
    public async Task Retention_KeepsConfiguredNumberOfFinishedRuns_NeverARunningOne()
    {
        using var config = new TempConfig("simulation_2q.json", d =>
            d["storage"] = new JsonObject { ["retention"] = new JsonObject { ["max_runs"] = 2 } }
        );
        await using var host = await HostProcess.StartAsync(config.Path);
        var runs = new RunService.RunServiceClient(host.Channel);
        var longCall = host.Client.RunExperimentAsync(
            new ExperimentRequest
            {
                ExperimentType = "rabi",
                Parameters =
                {
                    ["dut_qubit"] = "q0",
                    ["start"] = "0.001",
                    ["stop"] = "1.2",
                    ["step"] = "0.0001",
                    ["update"] = "false",
                },
            }
        );
        var longRunId = (await longCall.ResponseHeadersAsync).GetValue("x-epii-run-id")!;

        for (var i = 0; i < 4; i++)
        {
            await host.Client.RunExperimentAsync(
                new ExperimentRequest { ExperimentType = "t1", Parameters = { ["qubit"] = "q1", ["shots"] = "100" } }
            );
        }

        var listed = await runs.ListRunsAsync(new ListRunsRequest { Limit = 100 });
        await runs.CancelRunAsync(new CancelRunRequest { RunId = longRunId });

        Assert.Contains(listed.Runs, r => r.RunId == longRunId && r.Status is "running" or "queued");
        Assert.Equal(2, listed.Runs.Count(r => r.Status == "succeeded"));
    }

    private static async Task<Dictionary<string, double>> GetAsync(HostProcess host, params string[] names)
    {
        var request = new ParameterRequest();
        request.ParameterNames.Add(names);
        var reply = await host.Client.GetParametersAsync(request);
        return names.ToDictionary(n => n, n => double.Parse(reply.Parameters[n], CultureInfo.InvariantCulture));
    }
}
