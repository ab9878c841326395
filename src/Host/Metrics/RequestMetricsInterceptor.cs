using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace LeeQ.Epii.Platform.Host.Metrics;

/// <summary>Counts and times every unary gRPC call (the platform's RPCs are unary).</summary>
internal sealed class RequestMetricsInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation
    )
    {
        var started = Stopwatch.GetTimestamp();
        var status = "error";
        try
        {
            var response = await continuation(request, context).ConfigureAwait(false);
            status = "ok";
            return response;
        }
        finally
        {
            EpiiMetrics.Requests.WithLabels(context.Method, status).Inc();
            EpiiMetrics
                .RequestDuration.WithLabels(context.Method)
                .Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
