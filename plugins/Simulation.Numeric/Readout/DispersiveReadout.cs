using System.Numerics;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Readout;

/// <summary>
/// Dispersive readout. With the qubit in level k the resonator sits at f_k = f_r − k·χ and the
/// integrated response to a probe of amplitude A at f_p is S_k = A / (1 + 2i(f_p − f_k)/κ).
/// A shot draws its level from the populations and adds complex Gaussian noise with
/// σ = readout_noise·A/√(width/1 µs) per quadrature; it is assigned to the nearest centre S_k,
/// as a discriminator would.
/// </summary>
internal static class DispersiveReadout
{
    /// <summary>IQ centres S_k for every level of <paramref name="qubit"/>.</summary>
    public static Complex[] Centres(QubitProperties qubit, double probeMhz, double amplitude)
    {
        var centres = new Complex[qubit.Levels];
        for (var k = 0; k < centres.Length; k++)
        {
            var fk = qubit.ResonatorMhz - (k * qubit.ChiMhz);
            centres[k] = amplitude / new Complex(1.0, 2.0 * (probeMhz - fk) / qubit.LinewidthMhz);
        }

        return centres;
    }

    /// <summary>Noise standard deviation per quadrature.</summary>
    public static double NoiseSigma(QubitProperties qubit, double amplitude, double widthUs) =>
        qubit.ReadoutNoise * Math.Abs(amplitude) / Math.Sqrt(Math.Max(widthUs, 1e-9));

    /// <summary>Builds the outcome of one measurement from the populations at the time it was taken.</summary>
    public static MeasurementOutcome Measure(
        QubitProperties qubit,
        MeasureInstruction measure,
        double[] populations,
        int shots,
        bool samplingNoise,
        bool returnShots,
        SeededRandom random
    )
    {
        var centres = Centres(qubit, measure.FrequencyMhz, measure.Amplitude);
        var sigma = NoiseSigma(qubit, measure.Amplitude, measure.WidthUs);
        var exactMean = Complex.Zero;
        for (var k = 0; k < populations.Length; k++)
        {
            exactMean += populations[k] * centres[k];
        }

        if (!samplingNoise && !returnShots)
        {
            return new MeasurementOutcome(measure.Qubit, measure.Key, populations, exactMean);
        }

        // Hot loop over shots, on doubles.
        var levels = centres.Length;
        var cr = new double[levels];
        var ci = new double[levels];
        var cumulative = new double[levels];
        var running = 0.0;
        for (var k = 0; k < levels; k++)
        {
            cr[k] = centres[k].Real;
            ci[k] = centres[k].Imaginary;
            running += populations[k];
            cumulative[k] = running;
        }

        cumulative[levels - 1] = double.PositiveInfinity;
        var iq = returnShots ? new Complex[shots] : null;
        var states = returnShots ? new byte[shots] : null;
        var counts = new long[levels];
        double sumX = 0,
            sumY = 0;
        for (var s = 0; s < shots; s++)
        {
            var u = random.NextDouble();
            var level = 0;
            while (u >= cumulative[level])
            {
                level++;
            }

            var x = cr[level] + (sigma * random.NextGaussian());
            var y = ci[level] + (sigma * random.NextGaussian());
            var assigned = 0;
            var best = double.PositiveInfinity;
            for (var k = 0; k < levels; k++)
            {
                var dx = x - cr[k];
                var dy = y - ci[k];
                var distance = (dx * dx) + (dy * dy);
                if (distance < best)
                {
                    best = distance;
                    assigned = k;
                }
            }

            counts[assigned]++;
            sumX += x;
            sumY += y;
            if (iq is not null)
            {
                iq[s] = new Complex(x, y);
                states![s] = (byte)assigned;
            }
        }

        var probabilities = samplingNoise && shots > 0 ? counts.Select(c => (double)c / shots).ToArray() : populations;
        var mean = samplingNoise && shots > 0 ? new Complex(sumX / shots, sumY / shots) : exactMean;
        return iq is not null
            ? new MeasurementOutcome(measure.Qubit, measure.Key, probabilities, mean, iq, states)
            : new MeasurementOutcome(measure.Qubit, measure.Key, probabilities, mean);
    }
}
