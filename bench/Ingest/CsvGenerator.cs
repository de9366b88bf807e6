using System.Globalization;
using System.Text;

namespace Fractal.Bench.Ingest;

/// <summary>Writes the bench CSV: <c>id,a,b,c,d</c>, ids <c>s1</c>..., numbers from a seeded generator, 1% missing.</summary>
internal static class CsvGenerator
{
    public static long Write(string path, long rows)
    {
        var random = new Random(12345);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write("id,a,b,c,d\n");
        Span<char> buffer = stackalloc char[32];
        for (long row = 1; row <= rows; row++)
        {
            writer.Write('s');
            writer.Write(row.ToString(CultureInfo.InvariantCulture));
            for (var column = 0; column < 4; column++)
            {
                writer.Write(',');
                if (random.Next(100) == 0)
                {
                    continue;
                }

                var value = Math.Round((random.NextDouble() * 200) - 50, 3);
                value.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture);
                writer.Write(buffer[..written]);
            }

            writer.Write('\n');
        }

        writer.Flush();
        return writer.BaseStream.Length;
    }
}
