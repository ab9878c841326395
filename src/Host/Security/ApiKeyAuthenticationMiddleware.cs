using System.Security.Cryptography;
using System.Text;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Logging;

namespace LeeQ.Epii.Platform.Host.Security;

/// <summary>
/// Requires a valid <c>x-api-key</c> header on every gRPC call except <c>grpc.health.v1</c>
/// (so load balancers and systemd checks need no key). Keys are stored only as SHA-256 hashes and
/// compared in constant time. A refused call gets UNAUTHENTICATED as a trailers-only response.
/// </summary>
internal sealed class ApiKeyAuthenticationMiddleware(
    RequestDelegate next,
    HostSettings settings,
    ILogger<ApiKeyAuthenticationMiddleware> logger
)
{
    public const string Header = "x-api-key";
    private readonly byte[][] _hashes = [.. settings.ApiKeyHashes.Select(Convert.FromHexString)];

    public Task InvokeAsync(HttpContext context)
    {
        if (
            _hashes.Length == 0
            || context.Request.Path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal)
        )
        {
            return next(context);
        }

        var presented = context.Request.Headers[Header].ToString();
        if (presented.Length > 0 && Matches(presented))
        {
            return next(context);
        }

        HostLog.Unauthenticated(
            logger,
            context.Request.Path,
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown"
        );
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = "16";
        context.Response.Headers["grpc-message"] =
            presented.Length == 0 ? "missing x-api-key header" : "invalid API key";
        return Task.CompletedTask;
    }

    /// <summary>The stored form of a key: "sha256:" and the lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string key) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private bool Matches(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var candidate in _hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        }

        return match;
    }
}
