using System.Globalization;
using Grpc.Core;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Plugins;
using LeeQ.Epii.Platform.Host.Execution;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Plugins;
using LeeQ.Epii.Platform.Host.Storage;
using LeeQ.Epii.Platform.Host.Values;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.Services;

/// <summary>The epii.v1 service: discovery, experiment runs and parameters.</summary>
internal sealed class ExperimentPlatformServiceImpl(
    SetupRuntime runtime,
    RunCoordinator coordinator,
    PluginCatalog plugins,
    ILogger<ExperimentPlatformServiceImpl> logger
) : ExperimentPlatformService.ExperimentPlatformServiceBase
{
    public const string FrameworkName = "LeeQ";
    public const string EpiiVersion = "1.0.0";
    public const string UnknownParametersTrailer = "x-epii-unknown-parameters";
    public const string RunIdHeader = "x-epii-run-id";

    public override Task<PingResponse> Ping(Empty request, ServerCallContext context) =>
        Task.FromResult(
            new PingResponse
            {
                Message = "Pong from LeeQ EPII service",
                Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            }
        );

    public override Task<CapabilitiesResponse> GetCapabilities(Empty request, ServerCallContext context)
    {
        var info = runtime.Backend.Info;
        var response = new CapabilitiesResponse
        {
            FrameworkName = FrameworkName,
            FrameworkVersion = HostVersion.Current,
            EpiiVersion = EpiiVersion,
        };
        response.SupportedBackends.Add(info.Kind);
        response.DataFormats.Add(["numpy", "json"]);
        response.ExperimentTypes.Add(
            runtime.Experiments.All.Select(e => SpecMapper.ToSpec(e.Descriptor, withPurpose: false))
        );
        var extensions = response.Extensions;
        extensions["setup_type"] = runtime.Settings.SetupType;
        extensions["setup_name"] = runtime.Settings.SetupName;
        extensions["num_qubits"] = info.QubitCount.ToString(CultureInfo.InvariantCulture);
        extensions["max_workers"] = runtime.Settings.MaxWorkers.ToString(CultureInfo.InvariantCulture);
        extensions["max_concurrent_experiments"] = coordinator.Concurrency.ToString(CultureInfo.InvariantCulture);
        extensions["backend"] = info.Name;
        extensions["contract_version"] = ContractVersion.Current.ToString(3);
        extensions["plugins"] = string.Join(
            ",",
            plugins.Plugins.Select(p => $"{p.Manifest.Id}@{p.Manifest.Version.ToString(3)}")
        );
        foreach (var (key, value) in info.Properties)
        {
            extensions[$"backend.{key}"] = value;
        }

        return Task.FromResult(response);
    }

    public override Task<ExperimentsResponse> ListAvailableExperiments(Empty request, ServerCallContext context)
    {
        var response = new ExperimentsResponse();
        response.Experiments.Add(
            runtime.Experiments.All.Select(e => SpecMapper.ToSpec(e.Descriptor, withPurpose: true))
        );
        return Task.FromResult(response);
    }

    public override async Task<ExperimentResponse> RunExperiment(ExperimentRequest request, ServerCallContext context)
    {
        var experiment = runtime.Experiments.Find(request.ExperimentType);
        if (experiment is null)
        {
            var names = runtime
                .Experiments.All.Select(e => e.Descriptor.Name)
                .Concat(runtime.Experiments.All.SelectMany(e => e.Descriptor.Aliases));
            var hint =
                request.ExperimentType.Length <= 200 ? Text.NameSuggester.Hint(request.ExperimentType, names) : "";
            Reject(
                context,
                StatusCode.NotFound,
                $"Experiment '{Text.Clip.Text(request.ExperimentType)}' not found.{hint} ListAvailableExperiments shows them all"
            );
        }

        var arguments = ArgumentBinder.Bind(
            experiment.Descriptor,
            request.Parameters,
            runtime.QubitCount,
            out var problems
        );
        if (problems.Count > 0)
        {
            Reject(
                context,
                StatusCode.InvalidArgument,
                $"Invalid parameters for {experiment.Descriptor.Name}: {string.Join("; ", problems)}"
            );
        }

        if (await DryRun.FindArgumentProblemAsync(experiment, arguments, runtime).ConfigureAwait(false) is { } problem)
        {
            Reject(
                context,
                StatusCode.InvalidArgument,
                $"Invalid parameters for {experiment.Descriptor.Name}: {problem.Message}"
            );
        }

        RunRecord run;
        using var deadline =
            context.Deadline == DateTime.MaxValue
                ? new CancellationTokenSource()
                : new CancellationTokenSource(Clamp(context.Deadline - DateTime.UtcNow));
        try
        {
            run = await coordinator
                .RunAsync(
                    new RunRequest(experiment, arguments, request.ReturnPlots, request.ReturnRawData),
                    request.Parameters,
                    runId => AnnounceRunIdAsync(context, runId),
                    deadline.Token
                )
                .ConfigureAwait(false);
        }
        catch (ExperimentArgumentException ex)
        {
            Reject(
                context,
                StatusCode.InvalidArgument,
                $"Invalid parameters for {experiment.Descriptor.Name}: {ex.Message}"
            );
            throw;
        }
        catch (QueueFullException ex)
        {
            Reject(context, StatusCode.ResourceExhausted, ex.Message);
            throw;
        }
        catch (ExperimentTimeoutException ex)
        {
            Reject(context, StatusCode.DeadlineExceeded, ex.Message);
            throw;
        }
        catch (RunCancelledException ex)
        {
            var code = ex.Cause switch
            {
                CancellationCause.Deadline => StatusCode.DeadlineExceeded,
                CancellationCause.Request => StatusCode.Cancelled,
                _ => StatusCode.Unavailable,
            };
            Reject(context, code, ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            HostLog.RunFailed(logger, ex, experiment.Descriptor.Name);
            Reject(
                context,
                StatusCode.Internal,
                $"Experiment '{experiment.Descriptor.Name}' failed with an internal error ({ex.GetType().Name}); the service log has the details"
            );
            throw;
        }

        return run.Response!;
    }

    public override Task<ParametersListResponse> ListParameters(Empty request, ServerCallContext context)
    {
        var snapshot = runtime.Parameters.Snapshot();
        var response = new ParametersListResponse();
        foreach (var definition in runtime.Parameters.Definitions)
        {
            var description =
                definition.Unit.Length > 0 ? $"{definition.Description} [{definition.Unit}]" : definition.Description;
            if (definition.Minimum is not null || definition.Maximum is not null)
            {
                description +=
                    $" (range {(definition.Minimum is { } lo ? ValueParser.Render(lo) : "-inf")} to {(definition.Maximum is { } hi ? ValueParser.Render(hi) : "inf")})";
            }

            if (definition.AllowedValues is { Count: > 0 } allowed)
            {
                description += $" (one of {string.Join(", ", allowed)})";
            }

            if (definition.Aliases.Count > 0)
            {
                description += $" (aliases: {string.Join(", ", definition.Aliases.Select(a => a.Name))})";
            }

            response.Parameters.Add(
                new ParameterInfo
                {
                    Name = definition.Name,
                    Type = definition.Type.ToWireName(),
                    CurrentValue = ValueParser.Render(snapshot.Values.GetValueOrDefault(definition.Name)),
                    Description = description,
                    ReadOnly = definition.ReadOnly,
                }
            );
        }

        return Task.FromResult(response);
    }

    public override Task<ParametersResponse> GetParameters(ParameterRequest request, ServerCallContext context)
    {
        var snapshot = runtime.Parameters.Snapshot();
        var response = new ParametersResponse();
        if (request.ParameterNames.Count == 0)
        {
            foreach (var definition in runtime.Parameters.Definitions)
            {
                response.Parameters[definition.Name] = ValueParser.Render(
                    snapshot.Values.GetValueOrDefault(definition.Name)
                );
            }

            return Task.FromResult(response);
        }

        var unknown = new List<string>();
        foreach (var name in request.ParameterNames)
        {
            if (!runtime.Parameters.TryResolve(name, out var definition, out var scale))
            {
                unknown.Add(name);
                continue;
            }

            var value = snapshot.Values.GetValueOrDefault(definition.Name);
            response.Parameters[name] = ValueParser.Render(value is double d && scale != 1.0 ? d / scale : value);
        }

        if (unknown.Count > 0)
        {
            // Bounded so that a trailer never outgrows a client's metadata limit and costs it the answer.
            context.ResponseTrailers.Add(
                UnknownParametersTrailer,
                string.Join(",", unknown.Take(50).Select(n => n.Length == 0 ? "\"\"" : Text.Clip.Text(n, 100)))
            );
            context.ResponseTrailers.Add(
                UnknownParametersTrailer + "-count",
                unknown.Count.ToString(CultureInfo.InvariantCulture)
            );
        }

        return Task.FromResult(response);
    }

    public override Task<StatusResponse> SetParameters(SetParametersRequest request, ServerCallContext context)
    {
        if (request.Parameters.Count == 0)
        {
            return Task.FromResult(new StatusResponse { Success = true, ErrorMessage = "" });
        }

        var result = runtime.Parameters.TryApply(request.Parameters, ChangeSource.Client(context.Peer));
        if (!result.Applied)
        {
            var message = $"Nothing was changed: {string.Join("; ", result.Problems)}";
            HostLog.ParameterChangeRejected(logger, message);
            return Task.FromResult(new StatusResponse { Success = false, ErrorMessage = message });
        }

        foreach (var (name, old, value) in result.Changes)
        {
            HostLog.ParameterChanged(
                logger,
                name,
                ValueParser.Render(old),
                ValueParser.Render(value),
                $"SetParameters from {context.Peer}"
            );
        }

        return Task.FromResult(new StatusResponse { Success = true, ErrorMessage = "" });
    }

    /// <summary>Sends the run id as a response header as soon as the run is recorded.</summary>
    private static async Task AnnounceRunIdAsync(ServerCallContext context, string runId)
    {
        try
        {
            await context.WriteResponseHeadersAsync(new Metadata { { RunIdHeader, runId } }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException)
        {
            // The client has gone; the run goes on and its result stays retrievable by id.
        }
    }

    private static TimeSpan Clamp(TimeSpan remaining) =>
        remaining <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1)
        : remaining > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1)
        : remaining;

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Reject(ServerCallContext context, StatusCode code, string detail)
    {
        detail = Text.Clip.Text(detail, 4000);
        HostLog.RequestRejected(logger, context.Method, code.ToString(), detail);
        throw new RpcException(new Status(code, detail));
    }
}
