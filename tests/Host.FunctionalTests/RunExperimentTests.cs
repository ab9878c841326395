using System.Buffers.Binary;
using Grpc.Core;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

[Collection(SimulationHostCollection.Name)]
public sealed class RunExperimentTests(SimulationHostFixture fixture)
{
    private readonly HostProcess _host = fixture.Host;

    [Fact]
    public async Task Rabi_ReturnsDecodableDataFitAndPiAmplitude()
    {
        var request = new ExperimentRequest { ExperimentType = "calibrations.NormalisedRabi" };
        request.Parameters.Add("dut_qubit", "q0");
        request.Parameters.Add("seed", "7");

        var response = await _host.Client.RunExperimentAsync(request);

        Assert.True(response.Success);
        Assert.True(response.ExecutionTimeSeconds > 0);
        var data = response.Data.Single(d => d.Name == "data").Array;
        var values = DecodeFloat64(data);
        Assert.Equal(values.Length, data.Shape.Aggregate(1L, (a, b) => a * b));
        Assert.All(values, v => Assert.InRange(v, 0.0, 1.0));
        Assert.True(
            values.Max() - values.Min() > 0.5,
            "a Rabi sweep on the default device oscillates with large contrast"
        );
        var frequency = response.Data.Single(d => d.Name == "fit_params.Frequency");
        Assert.Equal(DataItem.ValueOneofCase.Number, frequency.ValueCase);
        Assert.Equal(
            DataItem.ValueOneofCase.Number,
            response.Data.Single(d => d.Name == "fit_params.Frequency_std").ValueCase
        );
        Assert.Equal(DataItem.ValueOneofCase.Number, response.Data.Single(d => d.Name == "guess_amp").ValueCase);
        Assert.Equal("7", response.Metadata["seed"]);
        Assert.False(string.IsNullOrEmpty(response.Metadata["run_id"]));
    }

    [Fact]
    public async Task Rabi_FittedFrequencyMatchesConfiguredDriveStrength()
    {
        // simulation_2q.json: q0 rabi_rate = 50 MHz per unit amplitude; the Rabi experiment drives
        // square pulses of amplitude 'amp', so the oscillation frequency is 50 MHz * amp.
        const double amp = 0.2;
        var request = new ExperimentRequest { ExperimentType = "rabi" };
        request.Parameters.Add("dut_qubit", "q0");
        request.Parameters.Add("amp", "0.2");
        request.Parameters.Add("update", "false");
        request.Parameters.Add("seed", "11");

        var response = await _host.Client.RunExperimentAsync(request);

        var fitted = response.Data.Single(d => d.Name == "fit_params.Frequency").Number;
        Assert.InRange(fitted, 50.0 * amp * 0.98, 50.0 * amp * 1.02);
    }

    [Fact]
    public async Task T1_RunsByAliasAndReturnsDecay()
    {
        var request = new ExperimentRequest { ExperimentType = "t1" };
        request.Parameters.Add("qubit", "Q1");
        request.Parameters.Add("seed", "3");

        var response = await _host.Client.RunExperimentAsync(request);

        Assert.True(response.Success);
        Assert.Equal("characterizations.SimpleT1", response.Metadata["name"]);
        Assert.Contains(response.Data, d => d.Name == "trace" && d.Array.Dtype == "float64");
    }

    [Fact]
    public async Task ReturnPlots_GivesPngAndPlotlyJsonEncodedOnce()
    {
        var request = new ExperimentRequest { ExperimentType = "rabi", ReturnPlots = true };
        request.Parameters.Add("dut_qubit", "0");

        var response = await _host.Client.RunExperimentAsync(request);

        var plot = Assert.Single(response.Plots.Take(1));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, plot.ImagePng.Take(4).ToArray());
        using var figure = System.Text.Json.JsonDocument.Parse(plot.PlotlyJson);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, figure.RootElement.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task WithoutReturnPlots_NoPlots()
    {
        var request = new ExperimentRequest { ExperimentType = "rabi" };
        request.Parameters.Add("dut_qubit", "q0");

        var response = await _host.Client.RunExperimentAsync(request);

        Assert.Empty(response.Plots);
    }

    [Fact]
    public async Task UnknownExperiment_IsNotFound()
    {
        var request = new ExperimentRequest { ExperimentType = "calibrations.NoSuchThing" };

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.RunExperimentAsync(request).ResponseAsync
        );

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("calibrations.NoSuchThing", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredParameter_IsInvalidArgumentNamingIt()
    {
        var request = new ExperimentRequest { ExperimentType = "calibrations.NormalisedRabi" };

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.RunExperimentAsync(request).ResponseAsync
        );

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("dut_qubit", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dut_qubit", "q7", "q7")]
    [InlineData("amp", "lots", "amp")]
    [InlineData("ampp", "0.1", "ampp")]
    public async Task BadParameter_IsInvalidArgumentNamingIt(string name, string value, string expected)
    {
        var request = new ExperimentRequest { ExperimentType = "rabi" };
        request.Parameters.Add("dut_qubit", "q0");
        request.Parameters[name] = value;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.RunExperimentAsync(request).ResponseAsync
        );

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Status.Detail, StringComparison.Ordinal);
    }

    private static double[] DecodeFloat64(NumpyArray array)
    {
        Assert.Equal("float64", array.Dtype);
        var bytes = array.Data.Span;
        var values = new double[bytes.Length / 8];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]);
        }

        return values;
    }
}
