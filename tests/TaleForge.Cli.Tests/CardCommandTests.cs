using System.Text;
using System.Text.Json.Nodes;
using TaleForge.Content;
using TaleForge.Content.Comparison;
using TaleForge.Content.Importers.Cards;

namespace TaleForge.Cli.Tests;

/// <summary><c>taleforge import card|lorebook</c> and <c>export card|lorebook|chat</c>, from the command line.</summary>
public sealed class CardCommandTests : IDisposable
{
    private const string Greeting = "*Mira Vale looks up from the lamp.* You're soaked, Traveller. Come in.";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string PngCard(string name = "mira.png") => _folder.Write(name, CardFiles.Png(("chara", CardFiles.Base64(CardFiles.V2()))));

    private string Target(string name = "mira") => Path.Combine(_folder.Path, name);

    [Fact]
    public async Task Importing_a_png_card_creates_a_world_that_plays_at_once_and_shows_the_greeting()
    {
        var card = PngCard();

        var import = await Cli.RunAsync("import", "card", card, "--into", Target());
        var script = _folder.Write("moves.txt", "say Hello, is that the lamp?\n/quit\n");
        var play = await Cli.RunAsync("play", Target(), "--script", script, "--no-save");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(
            $"Imported Mira Vale (card V2, PNG) as 'mira-vale' and 3 lore entries from {card}\n"
            + $"note: {card}: kept under extensions but not used by TaleForge's lore: decorators, group, position, sticky\n"
            + $"Created {Target()}:\n"
            + $"  {Target()}/characters/characters.yaml\n  {Target()}/lore/lore.yaml\n  {Target()}/scenes/scenes.yaml\n  {Target()}/world.yaml\n"
            + $"{Target()}: ok (4 files)\n"
            + $"Play it: taleforge play {Target()}\n",
            import.Output);
        Assert.Equal(0, play.ExitCode);
        Assert.Contains("authored mode", play.Output, StringComparison.Ordinal);
        Assert.Contains("A storm drives Traveller into Mira Vale's lighthouse.\n" + Greeting + "\n", play.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_into_an_existing_world_adds_one_file_and_changes_no_other()
    {
        var world = Target("harbour");
        await Cli.RunAsync("import", "card", _folder.Write("a.json", CardFiles.Json(CardFiles.V1("Ann Holt"))), "--into", world);
        var before = Directory.GetFiles(world, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

        var run = await Cli.RunAsync("import", "card", PngCard(), "--into", world);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Added to {world}:\n  {world}/characters/mira-vale.yaml\n", run.Output, StringComparison.Ordinal);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllText(file.Key)));
        var loaded = WorldLoader.LoadOrThrow(world);
        Assert.Equal(["player", "ann-holt", "mira-vale"], loaded.Characters.Select(c => c.Id).ToArray());
        Assert.Equal("A storm drives Traveller into Mira Vale's lighthouse.", loaded.Scene("meeting-mira-vale").Description);
        Assert.Equal(loaded.Character("ann-holt").Start.Location, loaded.Character("mira-vale").Start.Location);
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "plain.png", "is a PNG image with no character card in it" },
        { "cut.png", "the PNG is truncated" },
        { "b64.png", "the PNG's 'chara' chunk is not valid base64" },
        { "broken.json", "is not valid JSON at line 1" },
        { "huge.json", "more than the 20 MiB a card may be" },
        { "bomb.charx", "it looks like a zip bomb and is refused" },
        { "escape.charx", "has a path that leaves the archive" },
        { "book.json", "is a lorebook, not a character card" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_card_fails_with_the_file_and_the_problem_and_writes_nothing(string name, string problem)
    {
        var good = PngCard("good.png");
        var bytes = name switch
        {
            "plain.png" => CardFiles.Png(),
            "cut.png" => File.ReadAllBytes(good)[..^30],
            "b64.png" => CardFiles.Png(("chara", "%%%")),
            "broken.json" => Encoding.UTF8.GetBytes("{\"name\": \"Mira\""),
            "huge.json" => new byte[CardLimits.MaxCardBytes + 1],
            "bomb.charx" => CardFiles.Charx(CardFiles.Json(CardFiles.V3()), ("assets/zeros.bin", new byte[32 * 1024 * 1024])),
            "escape.charx" => CardFiles.Charx(CardFiles.Json(CardFiles.V3()), ("../outside.txt", [1])),
            _ => Encoding.UTF8.GetBytes(CardFiles.Json(CardFiles.WorldInfo())),
        };
        var bad = _folder.Write(name, bytes);
        var entries = Directory.GetFileSystemEntries(_folder.Path).Length;

        var run = await Cli.RunAsync("import", "card", good, bad, "--into", Target());

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: {bad}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(Target()));
        Assert.Equal(entries, Directory.GetFileSystemEntries(_folder.Path).Length);
    }

    [Fact]
    public async Task A_card_exported_as_png_and_json_imports_back_into_an_equal_world()
    {
        await Cli.RunAsync("import", "card", _folder.Write("in.charx", CardFiles.Charx(CardFiles.Json(CardFiles.V3()))), "--into", Target("first"));

        var png = await Cli.RunAsync("export", "card", Target("first"), "--character", "mira-vale", "--out", Path.Combine(_folder.Path, "out.png"));
        var json = await Cli.RunAsync("export", "card", Target("first"), "-c", "mira-vale", "-o", Path.Combine(_folder.Path, "out.json"));
        await Cli.RunAsync("import", "card", Path.Combine(_folder.Path, "out.png"), "--into", Target("second"));
        await Cli.RunAsync("import", "card", Path.Combine(_folder.Path, "out.json"), "--into", Target("third"));

        Assert.Equal((0, 0), (png.ExitCode, json.ExitCode));
        Assert.StartsWith($"wrote the V3 card of Mira Vale (", png.Output, StringComparison.Ordinal);
        var first = WorldLoader.LoadOrThrow(Target("first"));
        foreach (var other in new[] { "second", "third" })
        {
            var again = WorldLoader.LoadOrThrow(Target(other));
            Assert.Null(WorldComparison.FirstDifference(first, again with { Info = again.Info with { Id = first.Info.Id } }));
        }
        Assert.Equal("chara_card_v3", JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out.json")))!["spec"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exporting_over_an_existing_file_or_to_another_kind_of_file_is_refused()
    {
        await Cli.RunAsync("import", "card", PngCard(), "--into", Target());
        var taken = _folder.Write("taken.png", "x");

        var over = await Cli.RunAsync("export", "card", Target(), "-c", "mira-vale", "-o", taken);
        var kind = await Cli.RunAsync("export", "card", Target(), "-c", "mira-vale", "-o", Path.Combine(_folder.Path, "card.gif"));

        Assert.Equal($"error: '{taken}' already exists; name a new file, nothing is overwritten\n", over.Error);
        Assert.Equal($"error: '{Path.Combine(_folder.Path, "card.gif")}' should end in .png or .json, the two kinds of card file TaleForge writes\n", kind.Error);
        Assert.Equal("x", File.ReadAllText(taken));
    }

    [Fact]
    public async Task A_lorebook_exported_from_one_world_imports_into_another()
    {
        await Cli.RunAsync("import", "card", PngCard(), "--into", Target());
        await Cli.RunAsync("import", "card", _folder.Write("ann.json", CardFiles.Json(CardFiles.V1("Ann Holt"))), "--into", Target("other"));
        var book = Path.Combine(_folder.Path, "lighthouse.json");

        var export = await Cli.RunAsync("export", "lorebook", Target(), "--out", book);
        var import = await Cli.RunAsync("import", "lorebook", book, "--into", Target("other"));

        Assert.Equal($"wrote 3 lore entries of 'Mira Vale' to {book}\n", export.Output);
        Assert.Equal(0, import.ExitCode);
        Assert.StartsWith($"Imported 3 lore entries from {book} into {Target("other")}/lore/lighthouse.yaml\n", import.Output, StringComparison.Ordinal);
        var lore = WorldLoader.LoadOrThrow(Target("other")).Lore;
        Assert.Equal(WorldLoader.LoadOrThrow(Target()).Lore.Select(l => (l.Id, l.Text, l.Probability, l.Logic)), lore.Select(l => (l.Id, l.Text, l.Probability, l.Logic)));
    }

    [Fact]
    public async Task A_lorebook_needs_an_existing_world()
    {
        var book = _folder.Write("book.json", CardFiles.Json(CardFiles.WorldInfo()));

        var run = await Cli.RunAsync("import", "lorebook", book, "--into", Target());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: '{Target()}' is not a world (it has no world.yaml); import a character card there first ('taleforge import card FILE --into {Target()}'), or name an existing world\n", run.Error);
        Assert.False(Directory.Exists(Target()));
    }

    [Fact]
    public async Task A_played_game_exports_as_a_sillytavern_chat()
    {
        await Cli.RunAsync("import", "card", PngCard(), "--into", Target());
        var saves = Path.Combine(_folder.Path, "saves");
        var script = _folder.Write("moves.txt", "say Hello, is that the lamp?\n/quit\n");
        await Cli.RunAsync("play", Target(), "--script", script, "--saves", saves, "--save", "game");
        var chat = Path.Combine(_folder.Path, "chat.jsonl");

        var run = await Cli.RunAsync("export", "chat", Path.Combine(saves, "game", "trajectory.jsonl"), "--out", chat);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = File.ReadAllLines(chat).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(("Traveller", "Mira Vale"), (lines[0]["user_name"]!.GetValue<string>(), lines[0]["character_name"]!.GetValue<string>()));
        Assert.Contains(lines, l => l["name"]?.GetValue<string>() == "Mira Vale" && l["mes"]!.GetValue<string>() == Greeting);
        var said = Assert.Single(lines, l => l["is_user"]?.GetValue<bool>() == true);
        Assert.Equal(("Traveller", "Hello, is that the lamp?"), (said["name"]!.GetValue<string>(), said["mes"]!.GetValue<string>()));
        Assert.Equal($"wrote a chat of {lines.Count - 1} messages with Mira Vale to {chat}\n", run.Output);
    }

    [Slow]
    [NeedsNativeLibrary]
    [Fact]
    public async Task An_imported_card_plays_with_the_tiny_random_model()
    {
        await Cli.RunAsync("import", "card", PngCard(), "--into", Target());
        var model = TinyModels.Write(Path.Combine(_folder.Path, "tiny.gguf"));
        var script = _folder.Write("moves.txt", "say Tell me about the lamp oil.\nwait\n/quit\n");

        var run = await Cli.RunAsync("play", Target(), "--model", model, "-c", "8192", "--script", script, "--no-save");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("authored mode", run.Output, StringComparison.Ordinal);
        Assert.Contains(Greeting, run.Output, StringComparison.Ordinal);
        Assert.Contains("> wait\nYou wait.", run.Output, StringComparison.Ordinal);
    }
}
