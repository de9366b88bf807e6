using System.Numerics;
using System.Runtime.InteropServices;

namespace Fractal.Domain.Statistics.Pca;

/// <summary>Dot products and scaled subtractions over spans, in <see cref="Vector{T}"/> lanes.</summary>
internal static class SpanArithmetic
{
    /// <summary>Σ xᵢ yᵢ over the length of <paramref name="x"/>.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y);
        var (sum0, sum1, sum2, sum3) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
        var i = 0;
        for (; i + 4 <= xs.Length; i += 4)
        {
            sum0 = Vector.FusedMultiplyAdd(xs[i], ys[i], sum0);
            sum1 = Vector.FusedMultiplyAdd(xs[i + 1], ys[i + 1], sum1);
            sum2 = Vector.FusedMultiplyAdd(xs[i + 2], ys[i + 2], sum2);
            sum3 = Vector.FusedMultiplyAdd(xs[i + 3], ys[i + 3], sum3);
        }

        for (; i < xs.Length; i++)
        {
            sum0 = Vector.FusedMultiplyAdd(xs[i], ys[i], sum0);
        }

        var total = Vector.Sum((sum0 + sum1) + (sum2 + sum3));
        for (var j = xs.Length * Vector<double>.Count; j < x.Length; j++)
        {
            total += x[j] * y[j];
        }

        return total;
    }

    /// <summary>y ← y - s·x.</summary>
    public static void SubtractScaled(Span<double> y, double s, ReadOnlySpan<double> x)
    {
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y);
        var factor = new Vector<double>(-s);
        for (var i = 0; i < xs.Length; i++)
        {
            ys[i] = Vector.FusedMultiplyAdd(xs[i], factor, ys[i]);
        }

        for (var j = xs.Length * Vector<double>.Count; j < x.Length; j++)
        {
            y[j] -= s * x[j];
        }
    }
}
