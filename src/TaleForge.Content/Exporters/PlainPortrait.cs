using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using TaleForge.Content.Importers.Cards;

namespace TaleForge.Content.Exporters;

/// <summary>
/// The image of an exported card when the world has no portrait: a soft two-colour gradient whose colours come
/// from the character's name, so each character's card looks different and the same card is byte-identical.
/// </summary>
public static class PlainPortrait
{
    public const int Width = 256;
    public const int Height = 384;

    public static byte[] Png(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = Encoding.UTF8.GetBytes(name).Aggregate(2166136261u, (h, b) => (h ^ b) * 16777619u);
        var top = Colour(hash);
        var bottom = Colour(hash >> 12 ^ 0x9E3779B9u);
        var raw = new byte[Height * (1 + Width * 3)];
        for (var y = 0; y < Height; y++)
        {
            var row = y * (1 + Width * 3);
            raw[row] = 0; // filter: none
            for (var x = 0; x < Width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    raw[row + 1 + x * 3 + c] = (byte)(top[c] + (bottom[c] - top[c]) * y / (Height - 1));
                }
            }
        }
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, Width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = 2; // RGB
        return PngChunk.Write([new PngChunk("IHDR", header), new PngChunk("IDAT", Deflate(raw)), new PngChunk("IEND", [])]);
    }

    private static int[] Colour(uint seed) => [64 + (int)(seed & 0x7F), 64 + (int)((seed >> 8) & 0x7F), 64 + (int)((seed >> 16) & 0x7F)];

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        return output.ToArray();
    }
}
