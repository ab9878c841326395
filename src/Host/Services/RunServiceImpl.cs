using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using LeeQ.Epii.Platform.Host.Execution;
using LeeQ.Epii.Platform.Host.Storage;
using LeeQ.Epii.Platform.Runs.V1;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.Services;

/// <summary>Run records and parameter history (service <c>leeq.runs.v1.RunService</c>).</summary>
internal sealed class RunServiceImpl(SetupRuntime runtime, RunCoordinator coordinator) : RunService.RunServiceBase
{
    public override Task<ListRunsResponse> ListRuns(ListRunsRequest request, ServerCallContext context)
    {
        if (request.Limit < 0 || request.Limit > 1000)
        {
            throw new RpcException(
                new Status(StatusCode.InvalidArgument, $"limit = {request.Limit} must be from 1 to 1000 (0 means 50)")
            );
        }

        if (request.Status.Length > 0 && !RunStatus.All.Contains(request.Status))
        {
            throw new RpcException(
                new Status(
                    StatusCode.InvalidArgument,
                    $"status '{Text.Clip.Text(request.Status)}' is not one of {string.Join(", ", RunStatus.All)}"
                )
            );
        }

        var experiment =
            request.Experiment.Length == 0
                ? null
                : runtime.Experiments.Find(request.Experiment)?.Descriptor.Name ?? request.Experiment;
        var response = new ListRunsResponse();
        response.Runs.Add(
            runtime
                .Runs.List(
                    request.Limit == 0 ? 50 : request.Limit,
                    experiment,
                    request.Status.Length == 0 ? null : request.Status
                )
                .Select(Summary)
        );
        return Task.FromResult(response);
    }

    public override Task<RunDetail> GetRun(GetRunRequest request, ServerCallContext context)
    {
        var run = runtime.Runs.Get(request.RunId)
            ?? throw new RpcException(
                new Status(
                    StatusCode.NotFound,
                    $"no run '{Text.Clip.Text(request.RunId)}' (it may have been pruned; ListRuns shows the kept ones)"
                )
            );
        var detail = new RunDetail
        {
            Summary = Summary(run),
            ResolvedArgumentsJson = run.ResolvedArgumentsJson ?? "",
            ParameterSnapshotJson = run.ParameterSnapshotJson ?? "",
            VersionsJson = run.VersionsJson ?? "",
            CalibrationUpdatesJson = run.CalibrationUpdatesJson ?? "",
            ReturnPlots = run.ReturnPlots,
            ReturnRawData = run.ReturnRawData,
        };
        foreach (
            var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(run.RequestParametersJson) ?? []
        )
        {
            detail.RequestParameters[key] = value;
        }

        if (run.Response is { } bytes)
        {
            detail.Response = ExperimentResponse.Parser.ParseFrom(bytes);
        }

        return Task.FromResult(detail);
    }

    public override Task<CancelRunResponse> CancelRun(CancelRunRequest request, ServerCallContext context)
    {
        var cancelled = coordinator.Cancel(request.RunId);
        var run = runtime.Runs.Get(request.RunId);
        if (run is null && !cancelled)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"no run '{Text.Clip.Text(request.RunId)}'"));
        }

        return Task.FromResult(
            new CancelRunResponse
            {
                Cancelled = cancelled,
                Status = cancelled ? RunStatus.Cancelled : run!.Status,
                Message = cancelled
                    ? "cancellation requested; the run stops at its next cancellation point"
                    : $"the run is not in progress (status {run!.Status}); nothing to cancel",
            }
        );
    }

    public override Task<ParameterHistoryResponse> GetParameterHistory(
        ParameterHistoryRequest request,
        ServerCallContext context
    )
    {
        if (!runtime.Parameters.TryResolve(request.Name, out var definition, out _))
        {
            throw new RpcException(
                new Status(StatusCode.NotFound, runtime.Parameters.UnknownNameMessage(request.Name))
            );
        }

        if (request.Limit < 0 || request.Limit > 10_000)
        {
            throw new RpcException(
                new Status(StatusCode.InvalidArgument, $"limit = {request.Limit} must be from 1 to 10000 (0 means 100)")
            );
        }

        var response = new ParameterHistoryResponse();
        foreach (var entry in runtime.ParameterStore.History(definition.Name, request.Limit == 0 ? 100 : request.Limit))
        {
            response.Changes.Add(
                new ParameterChange
                {
                    Sequence = entry.Sequence,
                    Name = entry.Name,
                    OldValue = entry.OldValue,
                    NewValue = entry.NewValue,
                    ChangedAt = entry.ChangedAt.ToString("O", CultureInfo.InvariantCulture),
                    SourceKind = entry.SourceKind,
                    Source = entry.Source,
                }
            );
        }

        return Task.FromResult(response);
    }

    private static RunSummary Summary(StoredRun run) =>
        new()
        {
            RunId = run.RunId,
            Experiment = run.Experiment,
            Status = run.Status,
            QueuedAt = run.QueuedAt.ToString("O", CultureInfo.InvariantCulture),
            StartedAt = run.StartedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            FinishedAt = run.FinishedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            DurationSeconds = run.DurationSeconds ?? 0,
            Seed = run.Seed ?? 0,
            Error = run.Error ?? "",
            Backend = run.Backend ?? "",
        };
}
