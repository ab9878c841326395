using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Experiments;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>The original's <c>num_avs</c> argument mapped onto the shot count of a run.</summary>
internal static class Shots
{
    /// <summary>The shot count from an optional averaging argument (null: the setup's status.shot_number).</summary>
    public static int? FromAverages(ExperimentArguments arguments, string name)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!arguments.HasValue(name))
        {
            return null;
        }

        var value = arguments.GetInt(name);
        return value is >= 1 and <= 1_000_000
            ? (int)value
            : throw new ExperimentArgumentException(
                name,
                string.Create(CultureInfo.InvariantCulture, $"must be between 1 and 1000000 (got {value})")
            );
    }
}
