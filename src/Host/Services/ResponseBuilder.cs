using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Host.Execution;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Plotting;
using LeeQ.Epii.Platform.Host.Values;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.Services;

/// <summary>Builds the ExperimentResponse of a finished run.</summary>
internal static class ResponseBuilder
{
    public static ExperimentResponse Build(RunRecord run, string backendName, bool returnPlots, ILogger logger)
    {
        var descriptor = run.Experiment.Descriptor;
        var outcome = run.Outcome;
        var response = new ExperimentResponse
        {
            Success = true,
            ExecutionTimeSeconds = run.Duration.TotalSeconds,
            Docs = new Documentation { Run = descriptor.RunDocumentation, Data = descriptor.DataDocumentation },
        };

        var declared = descriptor.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var value in outcome.Data)
        {
            if (!declared.Contains(value.Name))
            {
                HostLog.UndeclaredOutput(logger, descriptor.Name, value.Name);
                continue;
            }

            response.Data.Add(ToDataItem(value));
        }

        if (returnPlots)
        {
            foreach (var figure in outcome.Figures)
            {
                try
                {
                    response.Plots.Add(
                        new PlotComponent
                        {
                            Description = figure.Description ?? figure.Title,
                            PlotlyJson = FigureRenderer.RenderPlotlyJson(figure),
                            ImagePng = ByteString.CopyFrom(FigureRenderer.RenderPng(figure)),
                        }
                    );
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    HostLog.PlotFailed(logger, ex, figure.Title, descriptor.Name);
                }
            }
        }

        var metadata = response.Metadata;
        metadata["name"] = descriptor.Name;
        metadata["run_id"] = run.RunId;
        metadata["backend"] = backendName;
        metadata["seed"] = run.Seed.ToString(CultureInfo.InvariantCulture);
        metadata["shots"] = run.Shots.ToString(CultureInfo.InvariantCulture);
        if (descriptor.Purpose.Length > 0)
        {
            metadata["purpose"] = descriptor.Purpose;
        }

        if (descriptor.Notes.Count > 0)
        {
            metadata["notes"] = JsonSerializer.Serialize(descriptor.Notes);
        }

        if (outcome.Summary.Length > 0)
        {
            metadata["summary"] = outcome.Summary;
        }

        if (outcome.Fits.Count > 0)
        {
            metadata["fit_quality"] = outcome.Fits.All(f => f.Quality == FitQuality.Good) ? "good" : "bad";
        }

        metadata["calibration_updates"] = JsonSerializer.Serialize(
            run.AppliedUpdates.ToDictionary(u => u.Parameter, u => ValueParser.Render(u.Value))
        );
        if (run.UpdateNote is { Length: > 0 } note)
        {
            metadata["update_note"] = note;
        }

        return response;
    }

    private static DataItem ToDataItem(ResultValue value)
    {
        var item = new DataItem { Name = value.Name, Description = value.Description };
        switch (value.Value)
        {
            case double d:
                item.Number = d;
                break;
            case bool b:
                item.Boolean = b;
                break;
            case string s:
                item.Text = s;
                break;
            case NumericArray array:
                var wire = new NumpyArray
                {
                    Data = ByteString.CopyFrom(array.ToBytes()),
                    Dtype = array.DTypeName,
                    Name = value.Name,
                };
                wire.Shape.Add(array.Shape);
                item.Array = wire;
                break;
            default:
                item.Text = Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "";
                break;
        }

        return item;
    }
}
