using System.Text;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// Opens a card file whatever its container (JSON, a PNG with the card in a tEXt chunk, a CHARX zip) and hands
/// back the card's JSON text. Sizes are checked before anything is read into memory.
/// </summary>
public static class CardFile
{
    /// <summary>The card's JSON and the container it came in; a <see cref="CardImportException"/> names the file and the problem.</summary>
    public static (string Json, CardContainer Container) ReadJson(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new CardImportException(path, Directory.Exists(path) ? "is a folder; give a card file (.png, .json or .charx)" : "no such file");
        }
        var head = new byte[8];
        int read;
        try
        {
            using var stream = info.OpenRead();
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            throw new CardImportException(path, $"cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CardImportException(path, $"cannot be read: {e.Message}");
        }
        if (head.AsSpan(0, read).StartsWith("PK\u0003\u0004"u8))
        {
            return (CharxArchive.ReadCardJson(path, info.Length), CardContainer.Charx);
        }
        if (info.Length > CardLimits.MaxCardBytes)
        {
            throw new CardImportException(path, $"is {info.Length} bytes, more than the {CardLimits.MaxCardBytes / (1024 * 1024)} MiB a card may be; this is not a character card");
        }
        var bytes = File.ReadAllBytes(path);
        return PngChunk.HasSignature(bytes) ? (PngCard.ReadJson(bytes, path), CardContainer.Png) : (Utf8(bytes, path), CardContainer.Json);
    }

    internal static string Utf8(byte[] bytes, string file)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new CardImportException(file, "is neither a PNG, a CHARX archive nor UTF-8 JSON text; give a character card (.png, .json or .charx)");
        }
    }
}
