using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Results;

namespace LeeQ.Epii.TestPlugins.Extra;

/// <summary>An experiment that ignores cancellation: it blocks for the given time no matter what.</summary>
public sealed class StubbornExperiment : IExperiment
{
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "test.Stubborn",
            Description = "Blocks its thread for a while and ignores cancellation",
            Parameters =
            [
                new ArgumentSpec
                {
                    Name = "seconds",
                    Type = ParameterType.Float,
                    Default = 60.0,
                    Minimum = 0,
                    Maximum = 600,
                    Description = "How long to block",
                },
            ],
            Outputs = [],
        };

    public Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        Thread.Sleep(TimeSpan.FromSeconds(context.Arguments.GetDouble("seconds")));
        return Task.FromResult(new ExperimentOutcome { Data = [] });
    }
}
