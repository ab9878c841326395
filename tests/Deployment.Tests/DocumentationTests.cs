using System.Text.RegularExpressions;
using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

/// <summary>
/// Reads docs/operations.md and checks that every command it shows uses scripts, commands
/// and options that exist. The behaviour behind them is covered by the other test classes.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string[] OurScripts =
    [
        "install-systemd-service.sh",
        "uninstall-systemd-service.sh",
        "leeq-epii-service.sh",
        "backup-leeq-epii.sh",
        "restore-leeq-epii.sh",
        "verify-systemd-unit.sh",
    ];

    private static readonly string Manual = Path.Combine(TestPaths.RepositoryRoot, "docs", "operations.md");

    [Fact]
    public async Task Manual_UsesOnlyOptionsOurScriptsHave()
    {
        var help = new Dictionary<string, string>();
        var checkedCommands = 0;
        foreach (var command in Commands())
        {
            var tokens = Tokens(command);
            for (var i = 0; i < tokens.Count; i++)
            {
                var script = OurScripts.FirstOrDefault(s => tokens[i].EndsWith("/" + s, StringComparison.Ordinal));
                if (script is null)
                {
                    continue;
                }

                if (!help.TryGetValue(script, out var usage))
                {
                    var result = await Run.ScriptAsync(script, ["--help"]);
                    Assert.True(result.ExitCode == 0, result.ToString());
                    usage = help[script] = result.StdOut;
                }

                var args = tokens.Skip(i + 1).TakeWhile(t => t is not ("|" or "&&" or ";" or ">")).ToList();
                foreach (var option in args.Where(a => a.StartsWith('-')).Select(a => a.Split('=')[0]))
                {
                    Assert.True(
                        usage.Contains(option, StringComparison.Ordinal),
                        $"the manual uses '{option}' with {script}, whose --help does not list it:\n  {command}"
                    );
                }

                if (script == "leeq-epii-service.sh")
                {
                    var verb = args.SkipWhile(a => a == "--destdir").FirstOrDefault(a => !a.StartsWith('-'));
                    Assert.True(
                        verb is not null && Regex.IsMatch(usage, $@"^  {Regex.Escape(verb)}\b", RegexOptions.Multiline),
                        $"the manual runs leeq-epii-service.sh '{verb}', which is not one of its commands:\n  {command}"
                    );
                }

                checkedCommands++;
            }
        }

        Assert.True(checkedCommands >= 25, $"only {checkedCommands} script commands found in the manual");
    }

    [Fact]
    public async Task Manual_UsesOnlyFlagsTheExecutableHas()
    {
        var help = await Run.ProgramAsync(Path.Combine(TestPaths.HostDirectory, "leeq-epii"), ["--help"]);
        Assert.True(help.ExitCode == 0, help.ToString());
        var checkedCommands = 0;
        foreach (var command in Commands())
        {
            var tokens = Tokens(command);
            var at = tokens.FindIndex(t => t == "/opt/leeq/bin/leeq-epii");
            if (at < 0)
            {
                continue;
            }

            var flags = tokens
                .Skip(at + 1)
                .Where(t => t.StartsWith("--", StringComparison.Ordinal))
                .Select(t => t.Split('=')[0]);
            foreach (var flag in flags)
            {
                Assert.True(
                    help.StdOut.Contains(flag, StringComparison.Ordinal),
                    $"the manual passes '{flag}' to leeq-epii, whose --help does not list it:\n  {command}"
                );
            }

            checkedCommands++;
        }

        Assert.True(checkedCommands >= 6, $"only {checkedCommands} executable commands found in the manual");
    }

    [Fact]
    public void Manual_NamesUnitsAndPathsAsInstalled()
    {
        foreach (var command in Commands())
        {
            Assert.DoesNotContain("python", command, StringComparison.Ordinal);
            Assert.DoesNotContain("/opt/leeq/venv", command, StringComparison.Ordinal);
            foreach (Match unit in UnitName().Matches(command))
            {
                Assert.Matches(@"^leeq-epii@([A-Za-z0-9_.-]*|\*)\.service$", unit.Value);
            }

            foreach (Match script in ScriptPath().Matches(command))
            {
                var relative = script.Groups["path"].Value;
                Assert.True(
                    File.Exists(Path.Combine(TestPaths.ScriptsDirectory, relative)),
                    $"the manual names scripts/{relative}, which does not exist:\n  {command}"
                );
            }
        }
    }

    [Fact]
    public void Manual_ExplainsEveryFixedDeploymentDefect()
    {
        var text = File.ReadAllText(Manual);

        string[] topics =
        [
            "StateDirectory",
            "RuntimeDirectory",
            "TimeoutStopSec=40",
            "own port",
            "LEEQ_EPII_MAX_MESSAGE_SIZE",
            "EPERM",
            "--validate",
            "--test-experiment",
            "virtual environment",
            "setup_name",
        ];
        foreach (var topic in topics)
        {
            Assert.Contains(topic, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Every command line of the manual's bash blocks, continuation lines joined.</summary>
    private static IEnumerable<string> Commands()
    {
        var inBash = false;
        var pending = "";
        foreach (var raw in File.ReadLines(Manual))
        {
            if (raw.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && raw.Trim() == "```bash";
                continue;
            }

            if (!inBash)
            {
                continue;
            }

            var line = raw.Trim();
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var command = (pending + line).Trim();
            pending = "";
            if (command.Length > 0 && !command.StartsWith('#'))
            {
                yield return command;
            }
        }
    }

    private static List<string> Tokens(string command) =>
        [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim('"', '\''))];

    [GeneratedRegex(@"leeq-epii@[^\s'""]*")]
    private static partial Regex UnitName();

    [GeneratedRegex(@"(?:^|\s|/)scripts/(?<path>[A-Za-z0-9_/.-]+\.sh)")]
    private static partial Regex ScriptPath();
}
