using System.Text;
using System.Text.Json;
using LeeQ.Epii.Platform.Contracts.Plotting;
using ScottPlot;

namespace LeeQ.Epii.Platform.Host.Plotting;

/// <summary>
/// Renders a <see cref="Figure"/> once into the two forms a PlotComponent carries: a PNG image
/// (ScottPlot, headless) and a plotly figure as JSON text, encoded once (not a JSON string
/// holding JSON, as the original did).
/// </summary>
internal static class FigureRenderer
{
    private const int Width = 800;
    private const int Height = 500;

    public static byte[] RenderPng(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var plot = new Plot();
        foreach (var series in figure.Series)
        {
            var scatter = plot.Add.Scatter(series.X.ToArray(), series.Y.ToArray());
            scatter.LegendText = series.Name;
            switch (series.Style)
            {
                case SeriesStyle.Markers:
                    scatter.LineWidth = 0;
                    scatter.MarkerSize = 5;
                    break;
                case SeriesStyle.Line:
                    scatter.MarkerSize = 0;
                    scatter.LineWidth = 2;
                    break;
                default:
                    scatter.MarkerSize = 4;
                    scatter.LineWidth = 1;
                    break;
            }
        }

        plot.Title(figure.Title);
        plot.XLabel(figure.XLabel);
        plot.YLabel(figure.YLabel);
        if (figure.Series.Count > 1)
        {
            plot.ShowLegend();
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    public static string RenderPlotlyJson(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var series in figure.Series)
            {
                json.WriteStartObject();
                json.WriteString("type", "scatter");
                json.WriteString(
                    "mode",
                    series.Style switch
                    {
                        SeriesStyle.Markers => "markers",
                        SeriesStyle.Line => "lines",
                        _ => "lines+markers",
                    }
                );
                json.WriteString("name", series.Name);
                WriteNumbers(json, "x", series.X);
                WriteNumbers(json, "y", series.Y);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("layout");
            WriteTitle(json, "title", figure.Title);
            json.WriteStartObject("xaxis");
            WriteTitle(json, "title", figure.XLabel);
            json.WriteEndObject();
            json.WriteStartObject("yaxis");
            WriteTitle(json, "title", figure.YLabel);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTitle(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }
}
