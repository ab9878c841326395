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
        QubitProperties qubit, MeasureInstruction measure, double[] populations, int shots,
        bool samplingNoise, bool returnShots, SeededRandom random)
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

        var iq = new Complex[shots];
        var states = new byte[shots];
        var counts = new double[populations.Length];
        var sum = Complex.Zero;
        for (var s = 0; s < shots; s++)
        {
            var level = Draw(populations, random.NextDouble());
            var value = centres[level] + new Complex(sigma * random.NextGaussian(), sigma * random.NextGaussian());
            var assigned = Nearest(centres, value);
            iq[s] = value;
            states[s] = (byte)assigned;
            counts[assigned]++;
            sum += value;
        }

        var probabilities = samplingNoise && shots > 0 ? counts.Select(c => c / shots).ToArray() : populations;
        var mean = samplingNoise && shots > 0 ? sum / shots : exactMean;
        return returnShots
            ? new MeasurementOutcome(measure.Qubit, measure.Key, probabilities, mean, iq, states)
            : new MeasurementOutcome(measure.Qubit, measure.Key, probabilities, mean);
    }

    private static int Draw(double[] populations, double u)
    {
        var cumulative = 0.0;
        for (var k = 0; k < populations.Length - 1; k++)
        {
            cumulative += populations[k];
            if (u < cumulative)
            {
                return k;
            }
        }

        return populations.Length - 1;
    }

    private static int Nearest(Complex[] centres, Complex value)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var k = 0; k < centres.Length; k++)
        {
            var d = centres[k] - value;
            var distance = (d.Real * d.Real) + (d.Imaginary * d.Imaginary);
            if (distance < bestDistance)
            {
                best = k;
                bestDistance = distance;
            }
        }

        return best;
    }
}
