using System.Buffers.Binary;
using System.Numerics;

namespace LeeQ.Epii.Platform.Contracts.Results;

/// <summary>
/// An n-dimensional array in C (row-major) order, serialised little-endian so that numpy's
/// <c>frombuffer(data, dtype).reshape(shape)</c> gives it back.
/// </summary>
public sealed class NumericArray
{
    private NumericArray(ArrayDType dtype, long[] shape, Array values)
    {
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != values.LongLength)
        {
            throw new ArgumentException(
                $"shape ({string.Join(", ", shape)}) holds {count} elements but {values.LongLength} were given",
                nameof(shape)
            );
        }

        DType = dtype;
        Shape = shape;
        Values = values;
    }

    /// <summary>Element type.</summary>
    public ArrayDType DType { get; }

    /// <summary>Dimensions.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The elements, flat, in C order (<c>double[]</c>, <c>Complex[]</c>, <c>long[]</c> or <c>bool[]</c>).</summary>
    public Array Values { get; }

    /// <summary>The numpy dtype name.</summary>
    public string DTypeName =>
        DType switch
        {
            ArrayDType.Float64 => "float64",
            ArrayDType.Complex128 => "complex128",
            ArrayDType.Int64 => "int64",
            ArrayDType.Bool => "bool",
            _ => throw new InvalidOperationException($"unknown dtype {DType}"),
        };

    /// <summary>A float64 array; one-dimensional unless <paramref name="shape"/> is given.</summary>
    public static NumericArray Of(double[] values, params long[] shape) =>
        new(ArrayDType.Float64, shape.Length == 0 ? [values.LongLength] : shape, values);

    /// <summary>A complex128 array.</summary>
    public static NumericArray Of(Complex[] values, params long[] shape) =>
        new(ArrayDType.Complex128, shape.Length == 0 ? [values.LongLength] : shape, values);

    /// <summary>An int64 array.</summary>
    public static NumericArray Of(long[] values, params long[] shape) =>
        new(ArrayDType.Int64, shape.Length == 0 ? [values.LongLength] : shape, values);

    /// <summary>A bool array.</summary>
    public static NumericArray Of(bool[] values, params long[] shape) =>
        new(ArrayDType.Bool, shape.Length == 0 ? [values.LongLength] : shape, values);

    /// <summary>The element bytes, little-endian, C order.</summary>
    public byte[] ToBytes()
    {
        switch (Values)
        {
            case double[] d:
            {
                var bytes = new byte[d.Length * 8];
                for (var k = 0; k < d.Length; k++)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(k * 8), d[k]);
                }

                return bytes;
            }

            case Complex[] c:
            {
                var bytes = new byte[c.Length * 16];
                for (var k = 0; k < c.Length; k++)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(k * 16), c[k].Real);
                    BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan((k * 16) + 8), c[k].Imaginary);
                }

                return bytes;
            }

            case long[] l:
            {
                var bytes = new byte[l.Length * 8];
                for (var k = 0; k < l.Length; k++)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(k * 8), l[k]);
                }

                return bytes;
            }

            case bool[] b:
                return [.. b.Select(x => x ? (byte)1 : (byte)0)];
            default:
                throw new InvalidOperationException($"unsupported element array {Values.GetType().Name}");
        }
    }
}
