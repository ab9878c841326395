using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>
/// Runs one sweep on several qubits at once: every program holds each qubit's sequence (on its
/// own timeline) and a readout per qubit under the key <c>q&lt;index&gt;</c>; results come back per qubit.
/// </summary>
internal static class MultiQubitSweep
{
    /// <summary>The qubit-list argument.</summary>
    public static ArgumentSpec QubitsArgument() =>
        new()
        {
            Name = "duts",
            Type = ParameterType.QubitList,
            Required = true,
            Description = "Qubits to run on together, e.g. [\"q0\",\"q1\"] or q0,q1",
            Aliases = ["qubits"],
        };

    /// <summary>Outputs every multi-qubit experiment reports about its per-qubit verdicts.</summary>
    public static IEnumerable<OutputSpec> QualityOutputs() =>
        [
            Outputs.Array(
                "qubit_indices",
                "(Q,)",
                "Qubit indices, in the order of the first axis of every per-qubit array"
            ),
            new OutputSpec("qubit_good", "bool", "(Q,)", "Fit verdict per qubit (true: good)"),
            Outputs.Text(Outputs.FitQuality, "good when every qubit's fit is good, else bad"),
            Outputs.Text(Outputs.FitQualityReason, "Per-qubit verdicts and reasons"),
            Outputs.Array(Outputs.RSquared, "(Q,)", "R^2 of each qubit's fit"),
        ];

    /// <summary>The qubit list, validated (distinct, at least one).</summary>
    public static int[] Qubits(ExperimentArguments arguments)
    {
        var qubits = arguments.GetQubits("duts").ToArray();
        if (qubits.Length == 0)
        {
            throw new ExperimentArgumentException("duts", "name at least one qubit");
        }

        return qubits.Distinct().Count() == qubits.Length
            ? qubits
            : throw new ExperimentArgumentException("duts", "each qubit may appear only once");
    }

    /// <summary>Key of a qubit's readout.</summary>
    public static string Key(int qubit) => string.Create(CultureInfo.InvariantCulture, $"q{qubit}");

    /// <summary>Builds one program per point from each qubit's sequence, runs them and returns P(1) per qubit (Q × N).</summary>
    public static async Task<double[][]> RunAsync(
        ExperimentContext context,
        IReadOnlyList<Gates> gates,
        int points,
        Action<PulseProgramBuilder, Gates, int> sequence,
        CancellationToken cancellationToken
    )
    {
        var programs = new PulseProgram[points];
        for (var k = 0; k < points; k++)
        {
            var b = PulseProgram.Builder();
            foreach (var g in gates)
            {
                sequence(b, g, k);
            }

            foreach (var g in gates)
            {
                g.Measure(b, Key(g.Qubit));
            }

            programs[k] = b.Build();
        }

        var result = await ProgramRunner.RunAsync(context, programs, cancellationToken).ConfigureAwait(false);
        return [.. gates.Select(g => ProgramRunner.Extract(result, Key(g.Qubit)).P1)];
    }

    /// <summary>Adds the per-qubit verdict outputs.</summary>
    public static void EmitQuality(OutcomeBuilder outcome, int[] qubits, IReadOnlyList<FitReport> reports)
    {
        var good = reports.Select(r => r.Quality == FitQuality.Good).ToArray();
        outcome
            .Array("qubit_indices", [.. qubits.Select(q => (double)q)])
            .Array("qubit_good", good)
            .Text(Outputs.FitQuality, good.All(g => g) ? "good" : "bad")
            .Text(Outputs.FitQualityReason, Verdicts(qubits, reports))
            .Array(Outputs.RSquared, [.. reports.Select(r => r.RSquared)]);
        foreach (var r in reports)
        {
            outcome.Fit(r);
        }
    }

    /// <summary>Flattens per-qubit rows into one C-order array.</summary>
    public static double[] Flatten(double[][] rows) => [.. rows.SelectMany(r => r)];

    /// <summary>The overall verdict text.</summary>
    public static string Verdicts(int[] qubits, IReadOnlyList<FitReport> reports) =>
        string.Join(
            "; ",
            qubits.Select(
                (q, i) =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"q{q}: {(reports[i].Quality == FitQuality.Good ? "good" : "bad")} ({reports[i].Reason})"
                    )
            )
        );
}
