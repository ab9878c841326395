using System.Globalization;
using System.Numerics;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>Runs a sweep's programs and collects the outcome of each measurement key.</summary>
internal static class ProgramRunner
{
    /// <summary>Runs <paramref name="programs"/> and returns the raw result, checking that every program was answered.</summary>
    public static async Task<ExecutionResult> RunAsync(
        ExperimentContext context,
        IReadOnlyList<PulseProgram> programs,
        CancellationToken cancellationToken,
        int? shots = null,
        bool needShots = false
    )
    {
        ArgumentNullException.ThrowIfNull(context);
        // Per-shot values are asked for when the analysis needs them or the client wants raw data.
        var result =
            needShots || context.ReturnRawData
                ? await context.Executor.ExecuteAsync(programs, shots, true, cancellationToken).ConfigureAwait(false)
                : await context.Executor.ExecuteAsync(programs, shots, cancellationToken).ConfigureAwait(false);
        if (result.Programs.Count != programs.Count)
        {
            throw new InvalidOperationException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the backend answered {result.Programs.Count} programs but {programs.Count} were sent"
                )
            );
        }

        return result;
    }

    /// <summary>Runs the programs and extracts the results of measurement <paramref name="key"/>.</summary>
    public static async Task<SweepData> MeasureAsync(
        ExperimentContext context,
        IReadOnlyList<PulseProgram> programs,
        CancellationToken cancellationToken,
        string key = Gates.MeasureKey,
        int? shots = null
    )
    {
        var result = await RunAsync(context, programs, cancellationToken, shots).ConfigureAwait(false);
        return Extract(result, key);
    }

    /// <summary>The results of measurement <paramref name="key"/> in every program of <paramref name="result"/>.</summary>
    public static SweepData Extract(ExecutionResult result, string key) => Extract(result.Programs, key);

    /// <summary>The results of measurement <paramref name="key"/> in <paramref name="programs"/>.</summary>
    public static SweepData Extract(IReadOnlyList<ProgramOutcome> programs, string key)
    {
        ArgumentNullException.ThrowIfNull(programs);
        var n = programs.Count;
        var p1 = new double[n];
        var iq = new Complex[n];
        var outcomes = new MeasurementOutcome[n];
        for (var k = 0; k < n; k++)
        {
            outcomes[k] = programs[k][key];
            p1[k] = outcomes[k].P1;
            iq[k] = outcomes[k].MeanIq;
        }

        Complex[]? shots = null;
        var shotCount = outcomes.Length > 0 && outcomes[0].ShotIq is { } first ? first.Count : 0;
        if (shotCount > 0 && outcomes.All(o => o.ShotIq?.Count == shotCount))
        {
            shots = new Complex[n * shotCount];
            for (var k = 0; k < n; k++)
            {
                for (var s = 0; s < shotCount; s++)
                {
                    shots[(k * shotCount) + s] = outcomes[k].ShotIq![s];
                }
            }
        }

        return new SweepData(p1, iq, shots, shotCount);
    }
}
