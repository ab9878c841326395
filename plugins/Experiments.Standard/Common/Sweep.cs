using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Experiments;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>Sweep axes, validated with messages that name the argument.</summary>
internal static class Sweep
{
    /// <summary>Largest number of points a sweep may have.</summary>
    public const int MaxPoints = 20_000;

    /// <summary>
    /// start, start + step, … while below <paramref name="stop"/> (numpy's arange; the stop value is
    /// excluded, with a tolerance of 1e-9 step for rounding).
    /// </summary>
    public static double[] Arange(
        double start,
        double stop,
        double step,
        string startName,
        string stopName,
        string stepName
    )
    {
        if (!double.IsFinite(start) || !double.IsFinite(stop))
        {
            throw new ExperimentArgumentException(startName, "start and stop must be finite");
        }

        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new ExperimentArgumentException(
                stepName,
                string.Create(CultureInfo.InvariantCulture, $"must be a positive number (got {step})")
            );
        }

        if (stop <= start)
        {
            // A sweep that starts at a fixed origin names its length only: say "greater than 0", not "than itself".
            var bound =
                startName == stopName
                    ? start.ToString(CultureInfo.InvariantCulture)
                    : $"{startName} ({start.ToString(CultureInfo.InvariantCulture)})";
            throw new ExperimentArgumentException(
                stopName,
                string.Create(CultureInfo.InvariantCulture, $"must be greater than {bound}, got {stop}")
            );
        }

        var count = (int)Math.Ceiling(((stop - start) / step) - 1e-9);
        if (count > MaxPoints)
        {
            throw new ExperimentArgumentException(
                stepName,
                string.Create(CultureInfo.InvariantCulture, $"gives {count} points; at most {MaxPoints} are allowed")
            );
        }

        if (count < 4)
        {
            throw new ExperimentArgumentException(
                stepName,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"gives only {count} points between {startName} and {stopName}; at least 4 are needed for a fit"
                )
            );
        }

        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            values[k] = start + (k * step);
        }

        return values;
    }

    /// <summary><paramref name="count"/> equally spaced values from start to stop inclusive (numpy's linspace).</summary>
    public static double[] Linspace(double start, double stop, long count, string countName)
    {
        if (count < 4 || count > MaxPoints)
        {
            throw new ExperimentArgumentException(
                countName,
                string.Create(CultureInfo.InvariantCulture, $"must be between 4 and {MaxPoints} (got {count})")
            );
        }

        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            values[k] = start + ((stop - start) * k / (count - 1));
        }

        return values;
    }
}
