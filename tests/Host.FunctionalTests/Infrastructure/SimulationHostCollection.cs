namespace LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SimulationHostCollection : ICollectionFixture<SimulationHostFixture>
{
    public const string Name = "simulation host";
}
