using Grpc.Core;
using Grpc.Core.Interceptors;
using LeeQ.Epii.Platform.Host.Logging;

namespace LeeQ.Epii.Platform.Host.Services;

/// <summary>With <c>--debug-grpc</c>: logs every call's method and peer at Debug.</summary>
internal sealed class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation
    )
    {
        HostLog.GrpcCall(logger, context.Method, context.Peer);
        return continuation(request, context);
    }
}
