using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Host.Execution;
using LeeQ.Epii.Platform.Host.Values;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.Cli;

/// <summary>
/// <c>--test-experiment [NAME]</c>: builds the setup, runs one experiment with its defaults
/// (required qubits set to q0, calibration updates off), prints status, duration and key results.
/// </summary>
internal static class TestExperimentCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string name, TextWriter output)
    {
        var runtime = services.GetRequiredService<SetupRuntime>();
        await runtime.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        var experiment = runtime.Experiments.Find(name);
        if (experiment is null)
        {
            await output
                .WriteLineAsync(
                    $"Unknown experiment '{name}'.{Text.NameSuggester.Hint(name, runtime.Experiments.All.Select(e => e.Descriptor.Name))} Available: {string.Join(", ", runtime.Experiments.All.Select(e => e.Descriptor.Name))}"
                )
                .ConfigureAwait(false);
            return 1;
        }

        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in experiment.Descriptor.Parameters)
        {
            if (spec.Name == "update")
            {
                raw[spec.Name] = "false";
            }
            else if (spec.Required && spec.Type is ParameterType.Qubit or ParameterType.QubitList)
            {
                raw[spec.Name] = "q0";
            }
        }

        var arguments = ArgumentBinder.Bind(experiment.Descriptor, raw, runtime.QubitCount, out var problems);
        await output
            .WriteLineAsync(
                $"Testing experiment: {experiment.Descriptor.Name} with {(raw.Count == 0 ? "its defaults" : string.Join(", ", raw.Select(p => $"{p.Key}={p.Value}")))}"
            )
            .ConfigureAwait(false);
        if (problems.Count > 0)
        {
            await output.WriteLineAsync("Test status: ERROR").ConfigureAwait(false);
            await output
                .WriteLineAsync($"Message: cannot run with defaults: {string.Join("; ", problems)}")
                .ConfigureAwait(false);
            return 1;
        }

        try
        {
            var coordinator = services.GetRequiredService<RunCoordinator>();
            var run = await coordinator
                .RunAsync(new RunRequest(experiment, arguments, false, false), raw, null, CancellationToken.None)
                .ConfigureAwait(false);
            await output.WriteLineAsync("Test status: OK").ConfigureAwait(false);
            await output.WriteLineAsync($"Run id: {run.RunId}").ConfigureAwait(false);
            await output
                .WriteLineAsync(
                    $"Duration: {run.Duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms"
                )
                .ConfigureAwait(false);
            foreach (
                var item in run.Response!.Data.Where(d =>
                        d.ValueCase
                            is DataItem.ValueOneofCase.Number
                                or DataItem.ValueOneofCase.Text
                                or DataItem.ValueOneofCase.Boolean
                    )
                    .Take(16)
            )
            {
                var value = item.ValueCase switch
                {
                    DataItem.ValueOneofCase.Number => ValueParser.Render(item.Number),
                    DataItem.ValueOneofCase.Boolean => item.Boolean ? "true" : "false",
                    _ => item.Text,
                };
                await output.WriteLineAsync($"  {item.Name} = {value}").ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await output.WriteLineAsync("Test status: ERROR").ConfigureAwait(false);
            await output.WriteLineAsync($"Message: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
        }
    }
}
