namespace LeeQ.Epii.Platform.Contracts.Results;

/// <summary>Element types of <see cref="NumericArray"/>, named as numpy names them on the wire.</summary>
public enum ArrayDType
{
    /// <summary><c>float64</c>: 8 bytes, IEEE double.</summary>
    Float64,

    /// <summary><c>complex128</c>: 16 bytes, (real, imaginary) doubles.</summary>
    Complex128,

    /// <summary><c>int64</c>: 8 bytes.</summary>
    Int64,

    /// <summary><c>bool</c>: 1 byte, 0 or 1.</summary>
    Bool,
}
