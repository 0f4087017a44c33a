using System.Buffers.Binary;
using System.Text;

namespace TaleForge.Content.Importers.Cards;

/// <summary>One chunk of a PNG file: a four-letter type and its data.</summary>
public sealed record PngChunk(string Type, byte[] Data)
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>The chunks of <paramref name="png"/> up to IEND; a short, overlong or corrupted chunk is an error naming its offset.</summary>
    public static List<PngChunk> ReadAll(byte[] png, string file)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (!HasSignature(png))
        {
            throw new CardImportException(file, "not a PNG file (its first bytes are not the PNG signature)");
        }
        var chunks = new List<PngChunk>();
        var at = Signature.Length;
        while (true)
        {
            if (png.Length - at < 12)
            {
                throw new CardImportException(file, $"the PNG is truncated: a chunk header at byte {at} is cut off before IEND; the file may be incomplete, download it again");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (length > (uint)(png.Length - at - 12))
            {
                throw new CardImportException(file, $"the PNG is truncated: chunk '{type}' at byte {at} says it holds {length} bytes, more than the file has left");
            }
            var data = png.AsSpan(at + 8, (int)length);
            var stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + (int)length));
            if (Crc32.Compute(png.AsSpan(at + 4, 4), data) != stored)
            {
                throw new CardImportException(file, $"the PNG is corrupted: chunk '{type}' at byte {at} fails its checksum");
            }
            chunks.Add(new PngChunk(type, data.ToArray()));
            at += 12 + (int)length;
            if (type == "IEND")
            {
                return chunks;
            }
        }
    }

    /// <summary>A PNG made of <paramref name="chunks"/>, with lengths and checksums computed.</summary>
    public static byte[] Write(IEnumerable<PngChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> word = stackalloc byte[4];
        foreach (var chunk in chunks)
        {
            var type = Encoding.ASCII.GetBytes(chunk.Type);
            BinaryPrimitives.WriteUInt32BigEndian(word, (uint)chunk.Data.Length);
            output.Write(word);
            output.Write(type);
            output.Write(chunk.Data);
            BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(type, chunk.Data));
            output.Write(word);
        }
        return output.ToArray();
    }

    /// <summary>A tEXt chunk: Latin-1 keyword, a zero byte, then the text (cards put base64 there, which is ASCII).</summary>
    public static PngChunk Text(string keyword, string text) =>
        new("tEXt", [.. Encoding.Latin1.GetBytes(keyword), 0, .. Encoding.Latin1.GetBytes(text)]);

    /// <summary>The keyword and text of a tEXt chunk; null for other chunks or a tEXt with no separator.</summary>
    public (string Keyword, string Text)? AsText()
    {
        if (Type != "tEXt")
        {
            return null;
        }
        var zero = Array.IndexOf(Data, (byte)0);
        return zero < 0 ? null : (Encoding.Latin1.GetString(Data, 0, zero), Encoding.Latin1.GetString(Data, zero + 1, Data.Length - zero - 1));
    }
}
