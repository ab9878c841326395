namespace LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

/// <summary>One host process on the shipped two-qubit simulation setup, shared by a test collection.</summary>
public sealed class SimulationHostFixture : IAsyncLifetime
{
    private HostProcess? _host;

    public HostProcess Host => _host ?? throw new InvalidOperationException("the host is not started");

    public async Task InitializeAsync() => _host = await HostProcess.StartAsync(TestPaths.Config("simulation_2q.json"));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
