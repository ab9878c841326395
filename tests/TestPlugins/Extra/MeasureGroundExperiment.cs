using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;

namespace LeeQ.Epii.TestPlugins.Extra;

/// <summary>Measures a qubit left idle: a third-party experiment running on the host's backend.</summary>
public sealed class MeasureGroundExperiment : IExperiment
{
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "test.MeasureGround",
            Aliases = ["measure_ground"],
            Description = "Measures an idle qubit and reports the excited-state probability",
            Parameters =
            [
                new ArgumentSpec
                {
                    Name = "qubit",
                    Type = ParameterType.Qubit,
                    Required = true,
                    Description = "Qubit to measure",
                },
            ],
            Outputs = [new OutputSpec("p_excited", "number", "", "Probability of finding the qubit outside |0>")],
        };

    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var qubit = context.Arguments.GetQubit("qubit");
        var calibration = QubitCalibration.From(context.Parameters, qubit);
        var program = PulseProgram
            .Builder()
            .Measure(qubit, calibration.ReadoutFrequencyMhz, calibration.ReadoutAmp, calibration.ReadoutWidthUs, "m")
            .Build();
        var result = await context.Executor.ExecuteAsync([program], null, cancellationToken).ConfigureAwait(false);
        return new ExperimentOutcome
        {
            Data =
            [
                ResultValue.Number(
                    "p_excited",
                    result.Programs[0]["m"].PExcited,
                    "Probability of finding the qubit outside |0>"
                ),
            ],
        };
    }
}
