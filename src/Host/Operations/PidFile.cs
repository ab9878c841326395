using System.Globalization;

namespace LeeQ.Epii.Platform.Host.Operations;

/// <summary>
/// The daemon's PID file. Start-up is refused while a live daemon holds it (a process of another
/// user counts as live); a file left by a dead process is removed with a warning. The file is
/// removed on exit, and only while it still holds our PID.
/// </summary>
internal sealed class PidFile : IDisposable
{
    private readonly int _pid = Environment.ProcessId;

    private PidFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The default location: systemd's runtime directory, else /run/leeq-epii, else the temporary directory.</summary>
    public static string DefaultPath(string setupName)
    {
        var name = $"leeq-epii-{setupName}.pid";
        var runtime = Environment.GetEnvironmentVariable("RUNTIME_DIRECTORY");
        if (!string.IsNullOrWhiteSpace(runtime))
        {
            return System.IO.Path.Combine(runtime.Split(':')[0], name);
        }

        return IsWritableDirectory("/run/leeq-epii")
            ? System.IO.Path.Combine("/run/leeq-epii", name)
            : System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
    }

    /// <summary>Takes the PID file, or explains why not. <paramref name="staleNote"/> says when a stale file was removed.</summary>
    public static PidFile? TryAcquire(string path, out string? error, out string? staleNote)
    {
        error = null;
        staleNote = null;
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            if (File.Exists(full))
            {
                var text = File.ReadAllText(full).Trim();
                if (
                    int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    && pid != Environment.ProcessId
                    && IsDaemonAlive(pid)
                )
                {
                    error =
                        $"another leeq-epii (pid {pid}) holds {full}; stop it first, or give this instance its own --pid-file";
                    return null;
                }

                staleNote = $"removed stale PID file {full} (held '{text}', no such daemon is running)";
                File.Delete(full);
            }

            using (var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                writer.Write('\n');
            }

            return new PidFile(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot write the PID file {full}: {ex.Message}";
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path) && File.ReadAllText(Path).Trim() == _pid.ToString(CultureInfo.InvariantCulture))
            {
                File.Delete(Path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done at exit; a stale file is detected and removed at the next start.
        }
    }

    /// <summary>
    /// A process is a live daemon when /proc has it and its command line names leeq-epii (or
    /// cannot be read, as for another user's process: then it is assumed live).
    /// </summary>
    private static bool IsDaemonAlive(int pid)
    {
        var proc = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}";
        if (!Directory.Exists(proc))
        {
            return false;
        }

        try
        {
            var cmdline = File.ReadAllText(System.IO.Path.Combine(proc, "cmdline"));
            return cmdline.Length == 0 || cmdline.Contains("leeq-epii", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static bool IsWritableDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return false;
        }

        try
        {
            var probe = System.IO.Path.Combine(
                directory,
                $".probe-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"
            );
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
