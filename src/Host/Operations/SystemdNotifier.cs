using System.Net.Sockets;
using System.Text;

namespace LeeQ.Epii.Platform.Host.Operations;

/// <summary>
/// sd_notify: tells systemd (Type=notify) when the daemon is ready and when it stops, by one
/// datagram to <c>$NOTIFY_SOCKET</c>. Written here rather than inferred from the parent process,
/// so readiness works under /proc hardening too; without the variable it does nothing.
/// </summary>
internal static class SystemdNotifier
{
    public static bool Notify(string state)
    {
        var path = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        if (path[0] == '@')
        {
            path = "\0" + path[1..];
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.SendTo(Encoding.UTF8.GetBytes(state), new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
