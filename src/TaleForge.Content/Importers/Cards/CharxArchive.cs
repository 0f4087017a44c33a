using System.IO.Compression;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// A CHARX card: a zip with <c>card.json</c> at its root and assets beside it. Every entry is checked before
/// card.json is read: paths that would leave the archive, too many entries and zip bombs (entries that inflate
/// far beyond their compressed size, or past the limits) refuse the whole file.
/// </summary>
public static class CharxArchive
{
    public const string CardEntry = "card.json";

    public static string ReadCardJson(string path, long length)
    {
        if (length > CardLimits.MaxArchiveBytes)
        {
            throw new CardImportException(path, $"the CHARX archive is {length / (1024 * 1024)} MiB, larger than the {CardLimits.MaxArchiveBytes / (1024 * 1024)} MiB allowed");
        }
        try
        {
            using var archive = ZipFile.OpenRead(path);
            if (archive.Entries.Count > CardLimits.MaxArchiveEntries)
            {
                throw new CardImportException(path, $"the CHARX archive has {archive.Entries.Count} entries, more than the {CardLimits.MaxArchiveEntries} allowed");
            }
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                CheckEntry(path, entry);
                total += entry.Length;
                if (total > CardLimits.MaxArchiveInflatedBytes)
                {
                    throw new CardImportException(path, $"the CHARX archive would inflate to more than {CardLimits.MaxArchiveInflatedBytes / (1024 * 1024)} MiB; it looks like a zip bomb and is refused");
                }
            }
            var card = archive.GetEntry(CardEntry)
                ?? throw new CardImportException(path, "the CHARX archive has no card.json at its root, so it holds no character card");
            if (card.Length > CardLimits.MaxCardBytes)
            {
                throw new CardImportException(path, $"the CHARX's card.json inflates to {card.Length / (1024 * 1024)} MiB, larger than the {CardLimits.MaxCardBytes / (1024 * 1024)} MiB a card may be");
            }
            return CardFile.Utf8(ReadBounded(card, path), $"{path} (card.json)");
        }
        catch (InvalidDataException e)
        {
            throw new CardImportException(path, $"is not a readable CHARX (zip) archive: {e.Message}");
        }
    }

    private static void CheckEntry(string path, ZipArchiveEntry entry)
    {
        var name = entry.FullName.Replace('\\', '/');
        if (name.StartsWith('/') || name.Split('/').Contains("..") || (name.Length > 1 && name[1] == ':'))
        {
            throw new CardImportException(path, $"the CHARX entry '{entry.FullName}' has a path that leaves the archive; the file is refused as unsafe");
        }
        if (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > CardLimits.MaxCompressionRatio)
        {
            throw new CardImportException(path, $"the CHARX entry '{entry.FullName}' inflates {entry.Length / Math.Max(1, entry.CompressedLength)} times its size; it looks like a zip bomb and is refused");
        }
    }

    // The declared size can lie; reading stops at the limit whatever the header says.
    private static byte[] ReadBounded(ZipArchiveEntry entry, string path)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > CardLimits.MaxCardBytes)
            {
                throw new CardImportException(path, $"the CHARX's card.json inflates past {CardLimits.MaxCardBytes / (1024 * 1024)} MiB; it is refused");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
