using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Host.Values;

namespace LeeQ.Epii.Platform.Host.Tests;

public sealed class ArgumentBinderTests
{
    private static readonly ExperimentDescriptor Descriptor = new()
    {
        Name = "test.Sweep",
        Description = "test descriptor",
        Outputs = [],
        Parameters =
        [
            new ArgumentSpec
            {
                Name = "dut",
                Type = ParameterType.Qubit,
                Required = true,
                Description = "qubit",
                Aliases = ["qubit"],
            },
            new ArgumentSpec
            {
                Name = "amp",
                Type = ParameterType.Float,
                Default = 0.2,
                Minimum = 0,
                Maximum = 1,
                Description = "amplitude",
            },
            new ArgumentSpec
            {
                Name = "shape",
                Type = ParameterType.String,
                Default = "square",
                AllowedValues = ["square", "gaussian"],
                Description = "shape",
            },
        ],
    };

    [Fact]
    public void Bind_AppliesDefaultsAndRecordsWhatWasSent()
    {
        var args = ArgumentBinder.Bind(
            Descriptor,
            new Dictionary<string, string> { ["qubit"] = "q1" },
            2,
            out var problems
        );

        Assert.Empty(problems);
        Assert.Equal(1, args.GetQubit("dut"));
        Assert.Equal(0.2, args.GetDouble("amp"));
        Assert.True(args.WasSent("dut"));
        Assert.False(args.WasSent("amp"));
    }

    [Fact]
    public void Bind_CollectsEveryProblem()
    {
        ArgumentBinder.Bind(
            Descriptor,
            new Dictionary<string, string> { ["amp"] = "1.5", ["shap"] = "x" },
            2,
            out var problems
        );

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p =>
            p.Contains("'shap'", StringComparison.Ordinal) && p.Contains("'shape'", StringComparison.Ordinal)
        );
        Assert.Contains(problems, p =>
            p.Contains("amp", StringComparison.Ordinal) && p.Contains("maximum 1", StringComparison.Ordinal)
        );
        Assert.Contains(problems, p => p.Contains("missing required parameter 'dut'", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_AllowedValue_IsNormalisedCaseInsensitively()
    {
        var args = ArgumentBinder.Bind(
            Descriptor,
            new Dictionary<string, string> { ["dut"] = "0", ["shape"] = "Gaussian" },
            1,
            out var problems
        );

        Assert.Empty(problems);
        Assert.Equal("gaussian", args.GetString("shape"));
    }

    [Fact]
    public void Bind_NullForArgumentWithDefault_IsRefused()
    {
        ArgumentBinder.Bind(
            Descriptor,
            new Dictionary<string, string> { ["dut"] = "0", ["amp"] = "null" },
            1,
            out var problems
        );

        var problem = Assert.Single(problems);
        Assert.Contains("'amp' cannot be null", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ListElementsOutOfRange_NameTheElement()
    {
        var descriptor = Descriptor with
        {
            Parameters =
            [
                new ArgumentSpec
                {
                    Name = "amps",
                    Type = ParameterType.FloatList,
                    Minimum = -1,
                    Maximum = 1,
                    Description = "amplitudes",
                },
            ],
        };

        ArgumentBinder.Bind(descriptor, new Dictionary<string, string> { ["amps"] = "[0.1, 5]" }, 1, out var problems);

        Assert.Contains(problems, p => p.Contains("'amps[1]' = 5 is above the maximum 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_ThousandsOfUnknownNames_GiveOneBoundedMessage()
    {
        var raw = Enumerable.Range(0, 5000).ToDictionary(i => $"bogus_{i}", _ => "1");
        raw["dut"] = "0";

        ArgumentBinder.Bind(Descriptor, raw, 1, out var problems);

        var problem = Assert.Single(problems);
        Assert.True(problem.Length < 1000, $"message of {problem.Length} characters");
        Assert.Contains("and 4995 more", problem, StringComparison.Ordinal);
        Assert.Contains("dut (or qubit)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_CommonSeedAndShots_AreAcceptedEverywhere()
    {
        var args = ArgumentBinder.Bind(
            Descriptor,
            new Dictionary<string, string>
            {
                ["dut"] = "0",
                ["seed"] = "12",
                ["shots"] = "500",
            },
            1,
            out var problems
        );

        Assert.Empty(problems);
        Assert.Equal(12, args.GetInt("seed"));
        Assert.Equal(500, args.GetInt("shots"));
    }
}
