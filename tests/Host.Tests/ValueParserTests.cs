using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Host.Values;

namespace LeeQ.Epii.Platform.Host.Tests;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("0.05", 0.05)]
    [InlineData("1e-6", 1e-6)]
    [InlineData("42", 42.0)]
    [InlineData("-5", -5.0)]
    [InlineData(" 7 ", 7.0)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    public void Float_AcceptsNumberSpellings(string raw, double expected)
    {
        Assert.True(ValueParser.TryConvert(raw, ParameterType.Float, 0, out var value, out var error), error);
        Assert.Equal(expected, (double)value!, 12);
    }

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void Float_AcceptsInfinities(string raw, double expected)
    {
        Assert.True(ValueParser.TryConvert(raw, ParameterType.Float, 0, out var value, out _));
        Assert.Equal(expected, (double)value!);
    }

    [Fact]
    public void Float_AcceptsNaN()
    {
        Assert.True(ValueParser.TryConvert("nan", ParameterType.Float, 0, out var value, out _));
        Assert.True(double.IsNaN((double)value!));
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    [InlineData("1", true)]
    public void Bool_AcceptsJsonLiteralsInAnyCase(string raw, bool expected)
    {
        Assert.True(ValueParser.TryConvert(raw, ParameterType.Bool, 0, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc", ParameterType.Float)]
    [InlineData("1.5", ParameterType.Int)]
    [InlineData("yes", ParameterType.Bool)]
    [InlineData("[1, 2]", ParameterType.Float)]
    public void WrongType_IsRefusedWithTheValueInTheMessage(string raw, ParameterType type)
    {
        Assert.False(ValueParser.TryConvert(raw, type, 0, out _, out var error));
        Assert.Contains(raw, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_IsNullForEveryType()
    {
        Assert.True(ValueParser.TryConvert("null", ParameterType.Float, 0, out var value, out _));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("q0", 0)]
    [InlineData("Q1", 1)]
    [InlineData("1", 1)]
    public void Qubit_ResolvesEveryReferenceForm(string raw, int expected)
    {
        Assert.True(ValueParser.TryConvert(raw, ParameterType.Qubit, 2, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("q2")]
    [InlineData("qubit0")]
    [InlineData("-1")]
    public void Qubit_Unknown_ListsTheQubits(string raw)
    {
        Assert.False(ValueParser.TryConvert(raw, ParameterType.Qubit, 2, out _, out var error));
        Assert.Contains("q0, q1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0")]
    [InlineData("1e0")]
    [InlineData("true")]
    [InlineData("""["q0"]""")]
    public void Qubit_NonIntegerForms_AreRefusedQuotingTheText(string raw)
    {
        Assert.False(ValueParser.TryConvert(raw, ParameterType.Qubit, 2, out _, out var error));
        Assert.Contains($"'{raw}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q0,,q1")]
    [InlineData("q0,q1,")]
    public void QubitList_EmptyEntry_IsRefused(string raw)
    {
        Assert.False(ValueParser.TryConvert(raw, ParameterType.QubitList, 2, out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["q0","q1"]""")]
    [InlineData("q0,q1")]
    [InlineData("[0, 1]")]
    public void QubitList_AcceptsJsonAndCommaForms(string raw)
    {
        Assert.True(ValueParser.TryConvert(raw, ParameterType.QubitList, 2, out var value, out var error), error);
        Assert.Equal([0, 1], (int[])value!);
    }

    [Fact]
    public void QubitList_Duplicate_IsRefused()
    {
        Assert.False(ValueParser.TryConvert("q1,Q1", ParameterType.QubitList, 2, out _, out var error));
        Assert.Contains("twice", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[0.1, 0.2]")]
    [InlineData("0.1,0.2")]
    public void FloatList_AcceptsJsonAndCommaForms(string raw)
    {
        Assert.True(ValueParser.TryConvert(raw, ParameterType.FloatList, 0, out var value, out _));
        Assert.Equal([0.1, 0.2], (double[])value!);
    }

    [Theory]
    [InlineData(5000.0, "5000")]
    [InlineData(0.1, "0.1")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(true, "true")]
    [InlineData(null, "null")]
    public void Render_UsesJsonSpelling(object? value, string expected) =>
        Assert.Equal(expected, ValueParser.Render(value));
}
