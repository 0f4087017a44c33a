using System.Text;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// A card inside a PNG: base64 UTF-8 JSON in a tEXt chunk, keyword <c>ccv3</c> (V3) or <c>chara</c> (V2 and V1).
/// When both are present <c>ccv3</c> wins; SillyTavern writes both so older readers still find a card.
/// </summary>
public static class PngCard
{
    public const string V3Keyword = "ccv3";
    public const string V2Keyword = "chara";

    public static string ReadJson(byte[] png, string file)
    {
        var texts = PngChunk.ReadAll(png, file).Select(c => c.AsText()).OfType<(string Keyword, string Text)>().ToList();
        var (keyword, base64) = texts.FirstOrDefault(t => t.Keyword == V3Keyword) is { Keyword: not null } v3 ? v3
            : texts.FirstOrDefault(t => t.Keyword == V2Keyword) is { Keyword: not null } v2 ? v2
            : throw new CardImportException(file, "is a PNG image with no character card in it (no 'ccv3' or 'chara' text chunk); export the card from your tool as a character card PNG");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new CardImportException(file, $"the PNG's '{keyword}' chunk is not valid base64, so the card in it cannot be read; the file may be damaged");
        }
        return CardFile.Utf8(bytes, file);
    }

    /// <summary>
    /// <paramref name="png"/> with its card chunks replaced: <c>chara</c> holding <paramref name="v2Json"/> and
    /// <c>ccv3</c> holding <paramref name="v3Json"/>, both just before IEND.
    /// </summary>
    public static byte[] Embed(byte[] png, string v2Json, string v3Json)
    {
        ArgumentNullException.ThrowIfNull(png);
        var chunks = PngChunk.ReadAll(png, "the image")
            .Where(c => c.AsText() is not { } t || (t.Keyword != V2Keyword && t.Keyword != V3Keyword))
            .ToList();
        var end = chunks.FindIndex(c => c.Type == "IEND");
        chunks.Insert(end, PngChunk.Text(V3Keyword, Convert.ToBase64String(Encoding.UTF8.GetBytes(v3Json))));
        chunks.Insert(end, PngChunk.Text(V2Keyword, Convert.ToBase64String(Encoding.UTF8.GetBytes(v2Json))));
        return PngChunk.Write(chunks);
    }
}
