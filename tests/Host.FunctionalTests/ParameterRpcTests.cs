using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

[Collection(SimulationHostCollection.Name)]
public sealed class ParameterRpcTests(SimulationHostFixture fixture)
{
    private readonly HostProcess _host = fixture.Host;

    [Fact]
    public async Task ListParameters_HasTypedCalibrationAndStatusEntries()
    {
        var list = await _host.Client.ListParametersAsync(new Empty());

        var f01 = list.Parameters.Single(p => p.Name == "q0.f01");
        Assert.Equal("float", f01.Type);
        Assert.Contains("MHz", f01.Description, StringComparison.Ordinal);
        Assert.Equal("int", list.Parameters.Single(p => p.Name == "status.shot_number").Type);
    }

    [Fact]
    public async Task SetParameters_WithOneUnknownName_ChangesNothingAndNamesIt()
    {
        var before = await _host.Client.GetParametersAsync(new ParameterRequest { ParameterNames = { "q1.pi_amp" } });
        var request = new SetParametersRequest();
        request.Parameters.Add("q1.pi_amp", "0.123");
        request.Parameters.Add("q1.no_such_field", "1");

        var reply = await _host.Client.SetParametersAsync(request);
        var after = await _host.Client.GetParametersAsync(new ParameterRequest { ParameterNames = { "q1.pi_amp" } });

        Assert.False(reply.Success);
        Assert.Contains("q1.no_such_field", reply.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before.Parameters["q1.pi_amp"], after.Parameters["q1.pi_amp"]);
    }

    [Fact]
    public async Task SetParameters_ThroughOriginalAlias_IsReadBackUnderCanonicalName()
    {
        var request = new SetParametersRequest();
        request.Parameters.Add("Q1.LPB_COLLECTIONS.F01.WIDTH", "0.05");

        var reply = await _host.Client.SetParametersAsync(request);
        var read = await _host.Client.GetParametersAsync(new ParameterRequest { ParameterNames = { "q1.pi_width" } });

        Assert.True(reply.Success, reply.ErrorMessage);
        Assert.Equal("0.05", read.Parameters["q1.pi_width"]);
    }

    [Fact]
    public async Task SetParameters_OutOfRange_IsRefusedWithTheBound()
    {
        var request = new SetParametersRequest();
        request.Parameters.Add("status.shot_number", "0");

        var reply = await _host.Client.SetParametersAsync(request);

        Assert.False(reply.Success);
        Assert.Contains("status.shot_number", reply.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("minimum", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetParameters_UnknownNameIsOmittedAndListedInTrailer()
    {
        var call = _host.Client.GetParametersAsync(
            new ParameterRequest { ParameterNames = { "status.seed", "q9.f01" } }
        );
        var reply = await call.ResponseAsync;

        Assert.Equal("null", reply.Parameters["status.seed"]);
        Assert.False(reply.Parameters.ContainsKey("q9.f01"));
        Assert.Equal("q9.f01", call.GetTrailers().GetValue("x-epii-unknown-parameters"));
    }
}
