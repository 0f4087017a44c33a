using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace TaleForge.Testing;

/// <summary>
/// Character cards written for tests, in every version and container: V1, V2 and V3 JSON; PNG images carrying them
/// in tEXt chunks (built here byte by byte, independently of the importer); CHARX zips. Nothing is copied from elsewhere.
/// </summary>
public static class CardFiles
{
    /// <summary>A V1 card: six strings at the top level.</summary>
    public static JsonObject V1(string name = "Mira Vale") => new()
    {
        ["name"] = name,
        ["description"] = "{{char}} keeps the lighthouse and talks to gulls.",
        ["personality"] = "curious, stubborn, kind",
        ["scenario"] = "A storm drives <USER> into <BOT>'s lighthouse.",
        ["first_mes"] = "*{{char}} looks up from the lamp.* You're soaked, {{user}}. Come in.",
        ["mes_example"] = "<START>\n{{user}}: Who are you?\n{{char}}: The keeper.\n<START>\n{{char}}: The lamp never sleeps.",
    };

    /// <summary>A V2 card with every V2 field, a lorebook, and extensions a tool of its own wrote.</summary>
    public static JsonObject V2(string name = "Mira Vale")
    {
        var data = V1(name);
        data["creator_notes"] = "Made for tests.";
        data["system_prompt"] = "You are {{char}}. {{original}}";
        data["post_history_instructions"] = "Stay in character.";
        data["alternate_greetings"] = new JsonArray("*{{char}} waves from the gallery.* Up here, {{user}}!", "*The lamp flares.*");
        data["tags"] = new JsonArray("lighthouse", "1984");
        data["creator"] = "the tests";
        data["character_version"] = "1.2";
        data["extensions"] = new JsonObject
        {
            ["talkativeness"] = "0.5",
            ["fav"] = false,
            ["depth_prompt"] = new JsonObject { ["prompt"] = "Mind the weather.", ["depth"] = 4, ["role"] = "system" },
        };
        data["character_book"] = Book();
        return new JsonObject { ["spec"] = "chara_card_v2", ["spec_version"] = "2.0", ["data"] = data };
    }

    /// <summary>A V3 card: the V2 fields plus nickname, assets, sources, dates and group greetings.</summary>
    public static JsonObject V3(string name = "Mira Vale")
    {
        var card = V2(name);
        card["spec"] = "chara_card_v3";
        card["spec_version"] = "3.0";
        var data = (JsonObject)card["data"]!;
        data["nickname"] = "Mira";
        data["assets"] = new JsonArray(new JsonObject { ["type"] = "icon", ["uri"] = "ccdefault:", ["name"] = "main", ["ext"] = "png" });
        data["source"] = new JsonArray("https://example.invalid/mira");
        data["group_only_greetings"] = new JsonArray("*{{char}} nods to everyone.*");
        data["creation_date"] = 1700000000;
        data["modification_date"] = 1700000500;
        data["creator_notes_multilingual"] = new JsonObject { ["fr"] = "Pour les tests." };
        ((JsonObject)data["character_book"]!["entries"]![0]!)["use_regex"] = false;
        return card;
    }

    /// <summary>A character book: a selective entry with a regular expression key, a constant one, a chance-based one.</summary>
    public static JsonObject Book() => new()
    {
        ["name"] = "Lighthouse lore",
        ["scan_depth"] = 4,
        ["token_budget"] = 400,
        ["recursive_scanning"] = true,
        ["extensions"] = new JsonObject { ["made_by"] = "tests" },
        ["entries"] = new JsonArray(
            new JsonObject
            {
                ["keys"] = new JsonArray("lamp", "/light ?house/i"),
                ["content"] = "The lamp burns whale oil and must be trimmed at dusk.",
                ["extensions"] = new JsonObject { ["position"] = 0, ["selectiveLogic"] = 0, ["group"] = "light" },
                ["enabled"] = true,
                ["insertion_order"] = 100,
                ["name"] = "Lamp",
                ["priority"] = 10,
                ["id"] = 1,
                ["comment"] = "The lamp",
                ["selective"] = true,
                ["secondary_keys"] = new JsonArray("oil", "wick"),
                ["constant"] = false,
                ["position"] = "before_char",
            },
            new JsonObject
            {
                ["keys"] = new JsonArray(),
                ["content"] = "The coast is called the Teeth by sailors.",
                ["extensions"] = new JsonObject(),
                ["enabled"] = true,
                ["insertion_order"] = 10,
                ["id"] = 2,
                ["comment"] = "Coast",
                ["constant"] = true,
                ["position"] = "after_char",
            },
            new JsonObject
            {
                ["keys"] = new JsonArray("gull"),
                ["content"] = "@@depth 4\nThe gulls are named after {{user}}'s ancestors.",
                ["extensions"] = new JsonObject { ["probability"] = 50, ["useProbability"] = true, ["selectiveLogic"] = 2, ["sticky"] = 2 },
                ["enabled"] = true,
                ["insertion_order"] = 50,
                ["id"] = 3,
                ["comment"] = "Gulls",
                ["selective"] = true,
                ["secondary_keys"] = new JsonArray("storm"),
                ["constant"] = false,
                ["position"] = "before_char",
            }),
    };

    /// <summary>A SillyTavern World Info file with entries in its own spelling.</summary>
    public static JsonObject WorldInfo() => new()
    {
        ["entries"] = new JsonObject
        {
            ["0"] = new JsonObject
            {
                ["uid"] = 0,
                ["key"] = new JsonArray("harbour", "/docks?/"),
                ["keysecondary"] = new JsonArray("night", "fog"),
                ["comment"] = "Harbour at night",
                ["content"] = "{{user}} hears bells from the harbour.",
                ["constant"] = false,
                ["selective"] = true,
                ["selectiveLogic"] = 3,
                ["order"] = 200,
                ["position"] = 4,
                ["disable"] = false,
                ["probability"] = 75,
                ["useProbability"] = true,
                ["depth"] = 2,
                ["group"] = "",
                ["scanDepth"] = 3,
                ["caseSensitive"] = true,
                ["matchWholeWords"] = false,
                ["sticky"] = 0,
                ["cooldown"] = 3,
                ["displayIndex"] = 0,
            },
            ["7"] = new JsonObject
            {
                ["uid"] = 7,
                ["key"] = new JsonArray("smuggler"),
                ["keysecondary"] = new JsonArray("guard"),
                ["comment"] = "Smugglers",
                ["content"] = "Smugglers pay the harbour guard in tea.",
                ["constant"] = false,
                ["selective"] = true,
                ["selectiveLogic"] = 2,
                ["order"] = 100,
                ["position"] = 1,
                ["disable"] = true,
                ["probability"] = null,
                ["useProbability"] = false,
                ["scanDepth"] = null,
                ["caseSensitive"] = null,
                ["matchWholeWords"] = null,
            },
        },
    };

    public static string Json(JsonNode card) => card.ToJsonString();

    /// <summary>A small valid PNG (one grey pixel) with a tEXt chunk per (keyword, text) pair, before IEND.</summary>
    public static byte[] Png(params (string Keyword, string Text)[] texts)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8;
        header[9] = 0;
        Chunk(output, "IHDR", header);
        foreach (var (keyword, text) in texts)
        {
            Chunk(output, "tEXt", [.. Encoding.Latin1.GetBytes(keyword), 0, .. Encoding.Latin1.GetBytes(text)]);
        }
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write([0, 128]);
            }
            Chunk(output, "IDAT", pixels.ToArray());
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A card's JSON as PNG tEXt text: base64 of its UTF-8.</summary>
    public static string Base64(JsonNode card) => Convert.ToBase64String(Encoding.UTF8.GetBytes(card.ToJsonString()));

    /// <summary>A CHARX archive: card.json at the root plus any other entries given.</summary>
    public static byte[] Charx(string? cardJson, params (string Path, byte[] Bytes)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (cardJson is not null)
            {
                using var card = zip.CreateEntry("card.json").Open();
                card.Write(Encoding.UTF8.GetBytes(cardJson));
            }
            foreach (var (path, bytes) in entries)
            {
                using var stream = zip.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                stream.Write(bytes);
            }
        }
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var word = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc(typeBytes.Concat(data)));
        output.Write(word);
    }

    // Bit by bit, unlike the importer's table, so the two cannot share a mistake.
    private static uint Crc(IEnumerable<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
