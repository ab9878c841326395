using System.Net.Sockets;
using System.Text;

namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>
/// A datagram socket standing in for systemd's $NOTIFY_SOCKET: it collects the sd_notify
/// messages (READY=1, STOPPING=1, STATUS=...) a daemon sends.
/// </summary>
public sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;
    private readonly List<string> _received = [];
    private readonly Task _reader;

    public NotifySocket(string directory)
    {
        Path = System.IO.Path.Combine(directory, "notify.sock");
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
        File.SetUnixFileMode(Path, (UnixFileMode)0b110_110_110);
        _reader = Task.Run(ReadAsync);
    }

    public string Path { get; }

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        try
        {
            _reader.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The reader ends with the socket.
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var count = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                lock (_received)
                {
                    _received.Add(Encoding.UTF8.GetString(buffer, 0, count));
                }
            }
        }
        catch (ObjectDisposedException) { }
        catch (SocketException) { }
    }
}
