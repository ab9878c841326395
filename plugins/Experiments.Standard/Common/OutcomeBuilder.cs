using System.Numerics;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Plotting;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>
/// Collects an experiment's data items, fits, figures and update proposals. Every data item must
/// be one of the declared outputs; a name that is not declared is a programming error and throws.
/// </summary>
internal sealed class OutcomeBuilder
{
    private readonly Dictionary<string, OutputSpec> _declared;
    private readonly List<ResultValue> _data = [];
    private readonly List<FitReport> _fits = [];
    private readonly List<Figure> _figures = [];
    private readonly List<CalibrationUpdate> _updates = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _dataNotes = [];
    private bool _updateRequested;

    public OutcomeBuilder(ExperimentDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        _declared = descriptor.Outputs.ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    /// <summary>One-paragraph summary.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Adds a float64 array.</summary>
    public OutcomeBuilder Array(string name, double[] values, params long[] shape) =>
        Add(ResultValue.Array(name, NumericArray.Of(values, shape), Describe(name)));

    /// <summary>Adds a complex128 array.</summary>
    public OutcomeBuilder Array(string name, Complex[] values, params long[] shape) =>
        Add(ResultValue.Array(name, NumericArray.Of(values, shape), Describe(name)));

    /// <summary>Adds a bool array.</summary>
    public OutcomeBuilder Array(string name, bool[] values, params long[] shape) =>
        Add(ResultValue.Array(name, NumericArray.Of(values, shape), Describe(name)));

    /// <summary>Adds a number.</summary>
    public OutcomeBuilder Number(string name, double value) => Add(ResultValue.Number(name, value, Describe(name)));

    /// <summary>Adds text.</summary>
    public OutcomeBuilder Text(string name, string value) => Add(ResultValue.Text(name, value, Describe(name)));

    /// <summary>Adds a boolean.</summary>
    public OutcomeBuilder Flag(string name, bool value) => Add(ResultValue.Flag(name, value, Describe(name)));

    /// <summary>Adds a fitted number and its <c>_std</c> companion (skipped when the fit did not converge).</summary>
    public OutcomeBuilder Fitted(string name, double value, double std, bool converged = true)
    {
        if (converged && double.IsFinite(value))
        {
            Number(name, value);
            Number($"{name}_std", std);
        }

        return this;
    }

    /// <summary>Adds the verdict outputs for a fit.</summary>
    public OutcomeBuilder Quality(FitReport report, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(report);
        Text(prefix + Outputs.FitQuality, report.Quality == FitQuality.Good ? "good" : "bad");
        Text(prefix + Outputs.FitQualityReason, report.Reason);
        Number(prefix + Outputs.RSquared, report.RSquared);
        return this;
    }

    /// <summary>Adds a fit report.</summary>
    public OutcomeBuilder Fit(FitReport report)
    {
        _fits.Add(report);
        return this;
    }

    /// <summary>Adds a figure.</summary>
    public OutcomeBuilder Figure(Figure figure)
    {
        _figures.Add(figure);
        return this;
    }

    /// <summary>Adds the shots output when raw data were asked for and the backend returned them.</summary>
    public OutcomeBuilder Shots(ExperimentContext context, string name, SweepData data, params long[] leadingShape)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        if (context.ReturnRawData && data.ShotIq is { } shots)
        {
            Array(name, shots, [.. leadingShape, data.Shots]);
        }
        else if (context.ReturnRawData)
        {
            _dataNotes.Add("Raw data were asked for but the backend returned no per-shot values.");
        }

        return this;
    }

    /// <summary>
    /// Records whether updates were asked for and, when they were, proposes <paramref name="updates"/>
    /// only if <paramref name="quality"/> is good; otherwise explains why nothing is written.
    /// </summary>
    public OutcomeBuilder ProposeUpdates(
        bool requested,
        FitQuality quality,
        string reason,
        params CalibrationUpdate[] updates
    )
    {
        _updateRequested |= requested;
        if (!requested)
        {
            return this;
        }

        if (quality == FitQuality.Good)
        {
            _updates.AddRange(updates);
        }
        else
        {
            _notes.Add($"no calibration update: the fit quality is bad ({reason})");
        }

        return this;
    }

    /// <summary>Adds a note explaining why updates were not proposed.</summary>
    public OutcomeBuilder UpdateNote(string note)
    {
        _notes.Add(note);
        return this;
    }

    /// <summary>The outcome.</summary>
    public ExperimentOutcome Build() =>
        new()
        {
            Data = [.. _data],
            Fits = [.. _fits],
            Figures = [.. _figures],
            Updates = [.. _updates],
            UpdateNote =
                _notes.Count > 0 ? string.Join("; ", _notes)
                : _updateRequested && _updates.Count == 0 ? "no calibration update was proposed"
                : null,
            Summary = _dataNotes.Count == 0 ? Summary : string.Join(" ", [Summary, .. _dataNotes]),
        };

    /// <summary>A fit report from a fit result and the gate's verdict.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="gate">Its verdict.</param>
    /// <param name="values">The reported values: name, value, standard error, unit.</param>
    public static FitReport Report(FitResult fit, FitGate gate, params FitValue[] values)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(gate);
        return new FitReport
        {
            Model = fit.Model.Formula,
            Values = fit.Converged ? values : [],
            RSquared = fit.RSquared,
            Quality = gate.Quality,
            Reason = gate.Reason,
        };
    }

    private OutcomeBuilder Add(ResultValue value)
    {
        if (!_declared.ContainsKey(value.Name))
        {
            throw new InvalidOperationException(
                $"data item '{value.Name}' is not a declared output of this experiment"
            );
        }

        _data.RemoveAll(v => v.Name == value.Name);
        _data.Add(value);
        return this;
    }

    private string Describe(string name) =>
        _declared.TryGetValue(name, out var spec)
            ? spec.Description
            : throw new InvalidOperationException($"data item '{name}' is not a declared output of this experiment");
}
