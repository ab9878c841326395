namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>The settings of a systemd unit file, by section and key, in file order.</summary>
public sealed class UnitFile
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    public UnitFile(string path)
    {
        var section = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            _entries.Add((section, line[..eq], line[(eq + 1)..]));
        }
    }

    /// <summary>Every value given to <paramref name="key"/> in <paramref name="section"/>.</summary>
    public IReadOnlyList<string> All(string section, string key) =>
        [.. _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value)];

    /// <summary>The single value of a key; fails the test when it is missing or repeated.</summary>
    public string Single(string section, string key)
    {
        var values = All(section, key);
        Assert.True(values.Count == 1, $"[{section}] {key} is set {values.Count} times");
        return values[0];
    }

    public bool Has(string section, string key) => All(section, key).Count > 0;
}
