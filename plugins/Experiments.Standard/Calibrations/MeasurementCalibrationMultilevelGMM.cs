using System.Numerics;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Plotting;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;

/// <summary>
/// Readout calibration: single shots with the qubit prepared in 0 and in 1 (π pulse), a
/// two-component spherical Gaussian mixture fitted to all shots, each shot assigned to the more
/// likely component. Assignment fidelity F = 1 − (P(1|0) + P(0|1))/2 and
/// SNR = 2·|μ₀ − μ₁| / (σ₀ + σ₁) (the original's definition).
/// </summary>
public sealed class MeasurementCalibrationMultilevelGMM : IExperiment
{
    /// <summary>Smallest SNR at which the two states are called distinguishable.</summary>
    private const double MinimumSnr = 2.0;

    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.MeasurementCalibrationMultilevelGMM",
            Aliases = ["readout_calibration"],
            Description =
                "Readout calibration: single-shot IQ clouds of the qubit prepared in 0 and 1, a Gaussian mixture fitted to them, assignment fidelity and SNR.",
            Purpose = "Checks that the readout distinguishes 0 from 1 and how well (assignment fidelity, SNR).",
            RunDocumentation =
                "Give dut. Optional freq and amp probe the readout at another frequency or amplitude for this run only (nothing is retuned). Needs a backend that returns single shots.",
            DataDocumentation =
                "result holds the single-shot IQ values (shots x 2: prepared 0, prepared 1). centers and sigmas describe the fitted clouds (state 0 first); assignment_matrix[i][j] = P(assigned j | prepared i); assignment_fidelity = 1 - (P(1|0) + P(0|1))/2; snr.(0, 1) = 2|mu0 - mu1|/(sigma0 + sigma1).",
            Parameters =
            [
                Args.Qubit("dut"),
                Args.PythonOnly("sweep_lpb_list", "Preparation pulse blocks; this platform prepares 0 and 1 itself"),
                Args.MprimIndex(),
                Args.Float(
                    "freq",
                    "MHz",
                    null,
                    "Probe frequency for this run; unset uses the calibrated readout frequency (never retuned)",
                    1.0,
                    50_000.0
                ),
                Args.Float(
                    "amp",
                    "",
                    null,
                    "Probe amplitude for this run; unset uses the calibrated readout amplitude",
                    0.0,
                    1.0
                ),
                Args.Update(false, "nothing (the discriminator lives in the backend); kept for compatibility"),
                new ArgumentSpec
                {
                    Name = "extra_readout_duts",
                    Type = ParameterType.QubitList,
                    Default = null,
                    Description = "Not supported (unused by the original simulation); setting it is rejected",
                },
                Args.Float(
                    "z_threshold",
                    "",
                    null,
                    "Kept for compatibility (unused by the original simulation); no effect",
                    null,
                    null
                ),
                Args.Bool(
                    "update_phase_for_two_level",
                    false,
                    "Kept for compatibility (unused by the original simulation); no effect"
                ),
            ],
            Outputs =
            [
                Outputs.ComplexArray(
                    "result",
                    "(shots, 2)",
                    "Single-shot IQ values, column 0 prepared in 0, column 1 prepared in 1"
                ),
                Outputs.ComplexArray("mean_iq", "(2,)", "Mean IQ per prepared state"),
                Outputs.ComplexArray("centers", "(2,)", "Fitted cloud centres, state 0 then 1"),
                Outputs.Array("sigmas", "(2,)", "Fitted cloud standard deviations per quadrature, state 0 then 1"),
                Outputs.Array("assignment_matrix", "(2, 2)", "P(assigned j | prepared i), row i, column j"),
                Outputs.Number("assignment_fidelity", "1 - (P(1|0) + P(0|1))/2"),
                Outputs.Number("snr.(0, 1)", "Separation of the clouds: 2|mu0 - mu1|/(sigma0 + sigma1)"),
                Outputs.Text(Outputs.FitQuality, "Verdict: good when the mixture converged and SNR >= 2"),
                Outputs.Text(Outputs.FitQualityReason, "Why the verdict is what it is"),
            ],
            Notes =
            [
                "freq never retunes the readout (the original changed it permanently even with update=false).",
                "Two states (0, 1) are prepared; higher levels are not calibrated by this platform.",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        Args.RejectPythonOnly(a, "sweep_lpb_list");
        if (a.HasValue("extra_readout_duts"))
        {
            throw new ExperimentArgumentException(
                "extra_readout_duts",
                "reading other qubits during this calibration is not supported; leave it unset"
            );
        }

        var qubit = a.GetQubit("dut");
        var cal = QubitCalibration.From(context.Parameters, qubit);
        var probe = new Gates(
            cal with
            {
                ReadoutFrequencyMhz = Args.DoubleOr(a, "freq", cal.ReadoutFrequencyMhz),
                ReadoutAmp = Args.DoubleOr(a, "amp", cal.ReadoutAmp),
            }
        );
        PulseProgram[] programs =
        [
            probe.Measure(PulseProgram.Builder()).Build(),
            probe.Measure(probe.Pi(PulseProgram.Builder())).Build(),
        ];
        var result = await ProgramRunner
            .RunAsync(context, programs, cancellationToken, needShots: true)
            .ConfigureAwait(false);
        var data = ProgramRunner.Extract(result, Gates.MeasureKey);
        var outcome = new OutcomeBuilder(Descriptor).Array("mean_iq", data.MeanIq);
        if (Args.UpdateRequested(a))
        {
            outcome.UpdateNote(
                "nothing to update: the state discriminator is part of the backend, not a calibration parameter"
            );
        }

        if (data.ShotIq is not { } shots)
        {
            // Without shots, only the backend's own assignment is available.
            var p10 = data.P1[0];
            var p01 = 1 - data.P1[1];
            outcome
                .Array("assignment_matrix", [1 - p10, p10, p01, 1 - p01], 2, 2)
                .Number("assignment_fidelity", 1 - ((p10 + p01) / 2))
                .Text(Outputs.FitQuality, "bad")
                .Text(
                    Outputs.FitQualityReason,
                    "the backend returned no single shots, so no mixture could be fitted; the assignment comes from the backend's own discriminator"
                );
            outcome.Summary = "No single shots: assignment fidelity from the backend's discriminator only.";
            return outcome.Build();
        }

        var n = data.Shots;
        var ground = shots.Take(n).ToArray();
        var excited = shots.Skip(n).Take(n).ToArray();
        var mixture = GaussianMixture.Fit(shots, [data.MeanIq[0], data.MeanIq[1]]);
        // Component 0 is the one nearer the mean of the shots prepared in 0.
        var swap = (mixture.Centres[0] - data.MeanIq[0]).Magnitude > (mixture.Centres[1] - data.MeanIq[0]).Magnitude;
        int State(Complex z) => swap ? 1 - mixture.Classify(z) : mixture.Classify(z);
        var p1Given0 = ground.Count(z => State(z) == 1) / (double)n;
        var p0Given1 = excited.Count(z => State(z) == 0) / (double)n;
        var fidelity = 1 - ((p1Given0 + p0Given1) / 2);
        var (i0, i1) = swap ? (1, 0) : (0, 1);
        var snr = 2 * (mixture.Centres[i0] - mixture.Centres[i1]).Magnitude / (mixture.Sigmas[i0] + mixture.Sigmas[i1]);
        var quality = mixture.Converged && snr >= MinimumSnr ? FitQuality.Good : FitQuality.Bad;
        var reason =
            !mixture.Converged ? "the Gaussian mixture did not converge"
            : snr < MinimumSnr
                ? FitGate.Invariant(
                    $"the clouds overlap (SNR {snr:F2} < {MinimumSnr}): the readout does not distinguish 0 from 1 at this probe"
                )
            : FitGate.Invariant($"the mixture converged in {mixture.Iterations} iterations with SNR {snr:F2}");

        var table = new Complex[2 * n];
        for (var s = 0; s < n; s++)
        {
            table[2 * s] = ground[s];
            table[(2 * s) + 1] = excited[s];
        }

        outcome
            .Array("result", table, n, 2)
            .Array("centers", [mixture.Centres[i0], mixture.Centres[i1]])
            .Array("sigmas", [mixture.Sigmas[i0], mixture.Sigmas[i1]])
            .Array("assignment_matrix", [1 - p1Given0, p1Given0, p0Given1, 1 - p0Given1], 2, 2)
            .Number("assignment_fidelity", fidelity)
            .Number("snr.(0, 1)", snr)
            .Text(Outputs.FitQuality, quality == FitQuality.Good ? "good" : "bad")
            .Text(Outputs.FitQualityReason, reason)
            .Fit(
                new FitReport
                {
                    Model = "two-component spherical Gaussian mixture in the IQ plane",
                    Values =
                    [
                        new FitValue("assignment_fidelity", fidelity, Math.Sqrt(fidelity * (1 - fidelity) / (2 * n))),
                        new FitValue("snr", snr, double.NaN),
                    ],
                    Quality = quality,
                    Reason = reason,
                }
            );
        if (context.ReturnPlots)
        {
            outcome.Figure(
                new Figure(
                    FitGate.Invariant($"Readout clouds Q{qubit}: fidelity {fidelity:F3}, SNR {snr:F2}"),
                    "I (arb. units)",
                    "Q (arb. units)",
                    [
                        new FigureSeries(
                            "prepared 0",
                            [.. ground.Select(z => z.Real)],
                            [.. ground.Select(z => z.Imaginary)]
                        ),
                        new FigureSeries(
                            "prepared 1",
                            [.. excited.Select(z => z.Real)],
                            [.. excited.Select(z => z.Imaginary)]
                        ),
                        new FigureSeries(
                            "centres",
                            [mixture.Centres[i0].Real, mixture.Centres[i1].Real],
                            [mixture.Centres[i0].Imaginary, mixture.Centres[i1].Imaginary]
                        ),
                    ]
                )
            );
        }

        outcome.Summary = FitGate.Invariant(
            $"assignment fidelity {fidelity:F4} (P(1|0) = {p1Given0:F4}, P(0|1) = {p0Given1:F4}), SNR {snr:F2}."
        );
        return outcome.Build();
    }
}
