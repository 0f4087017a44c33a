namespace TaleForge.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(Repository.Root, "tests", "TaleForge.Content.Tests", "CharacterBox");
    private static readonly string English = Path.Combine(Fixtures, "salt-and-lanterns.json");
    private static readonly string Chinese = Path.Combine(Fixtures, "dukou-yehua.json");

    private const string Scene = """
        {"id": 0, "characters": [{"id": 0, "name": "Ann"}, {"id": 1, "name": "Bo"}],
         "actions": [{"character": "Ann", "character_id": 0, "action": "Ann waves.", "dialogue": "Hello."}]}
        """;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Importing_a_work_writes_the_world_checks_it_and_says_how_to_play_and_simulate_it()
    {
        var target = Path.Combine(_folder.Path, "salt");

        var run = await Cli.RunAsync("import", "characterbox", English, "--out", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(
            $"Imported 2 scenes and 3 characters of 'Salt and Lanterns' from {English} into {target}:\n"
            + $"  {target}/world.yaml\n"
            + $"  {target}/characters/characters.yaml\n"
            + $"  {target}/scenes/scenes.yaml\n"
            + $"{target}: ok (3 files)\n"
            + $"Play it as Mara Quill: taleforge play {target}\n"
            + $"Simulate it: taleforge simulate {target} --rounds 3 --out {target}-run\n",
            run.Output);
    }

    [Fact]
    public async Task The_imported_world_passes_validate_and_shows_its_scenes_and_cast()
    {
        var target = Path.Combine(_folder.Path, "salt");
        await Cli.RunAsync("import", "characterbox", English, "-o", target);

        var validate = await Cli.RunAsync("validate", target);
        var show = await Cli.RunAsync("show", target);

        Assert.Equal(0, validate.ExitCode);
        Assert.Equal($"{target}: ok (3 files)\n", validate.Output);
        Assert.Contains("Mara Quill (she/her, playable)", show.Output);
        Assert.Contains("Ren Okafor (they/them)", show.Output);
    }

    [Fact]
    public async Task A_chinese_work_imports_cleanly()
    {
        var target = Path.Combine(_folder.Path, "dukou");

        var run = await Cli.RunAsync("import", "characterbox", Chinese, "--out", target);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Imported 1 scene and 2 characters of '渡口夜话' from {Chinese}", run.Output);
        Assert.Contains("Play it as 周伯:", run.Output);
        Assert.Contains("language: zh", File.ReadAllText(Path.Combine(target, "world.yaml")));
    }

    [Fact]
    public async Task Scene_imports_only_that_scene()
    {
        var target = Path.Combine(_folder.Path, "breakwater");

        var run = await Cli.RunAsync("import", "characterbox", English, "--out", target, "--scene", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Imported 1 scene and 2 characters of 'Salt and Lanterns'", run.Output);
        Assert.Contains("Play it as Ren Okafor:", run.Output);
        var scenes = File.ReadAllText(Path.Combine(target, "scenes", "scenes.yaml"));
        Assert.Contains("id: scene-1", scenes);
        Assert.DoesNotContain("id: scene-0", scenes);
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        { "syntax", "{\"title\": \"T\",\n \"scenes\": [}", "bad.json:2:13: the file is not valid JSON: '}' is an invalid start of a value." },
        { "empty", "", "bad.json:1:1: the file is empty" },
        { "no scenes", "{\"title\": \"T\"}", "bad.json: the work has no scenes" },
        { "no characters", "{\"scenes\": [{\"id\": \"pier\", \"characters\": []}]}", "bad.json: scene 'pier' (scene 1 in the file) has no characters" },
        { "unknown actor", "[" + Scene.Replace("\"character\": \"Ann\", \"character_id\": 0", "\"character\": \"Cy\"", StringComparison.Ordinal) + "]", "bad.json: scene '0' (scene 1 in the file), action 1 is by 'Cy', who is not among the scene's characters (0 Ann, 1 Bo)" },
        { "duplicate scene ids", "[" + Scene + "," + Scene + "]", "bad.json: scenes 1 and 2 in the file both have the id '0'" },
        { "nameless character", "[" + Scene.Replace("\"name\": \"Bo\"", "\"name\": \" \"", StringComparison.Ordinal) + "]", "bad.json: scene '0' (scene 1 in the file), character 2 has no name" },
        { "text as a list", "{\"title\": [\"T\"], \"scenes\": [" + Scene + "]}", "bad.json: the work: 'title' should be text, not a list" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_input_exits_1_with_its_error_and_writes_nothing(string kind, string json, string message)
    {
        var file = _folder.Write("bad.json", json);
        var target = Path.Combine(_folder.Path, "out");

        var run = await Cli.RunAsync("import", "characterbox", file, "--out", target);

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Error.StartsWith($"error: {Path.Combine(_folder.Path, message)}", StringComparison.Ordinal), $"{kind}: {run.Error}");
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(target), kind);
    }

    [Fact]
    public async Task A_scene_that_is_not_in_the_file_exits_1_listing_the_scene_ids()
    {
        var run = await Cli.RunAsync("import", "characterbox", English, "--out", Path.Combine(_folder.Path, "x"), "--scene", "harbour");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {English}: there is no scene 'harbour'; the scene ids are: 0, 1\n", run.Error);
    }

    [Fact]
    public async Task A_missing_file_exits_1_naming_it()
    {
        var missing = Path.Combine(_folder.Path, "nowhere.json");

        var run = await Cli.RunAsync("import", "characterbox", missing, "--out", Path.Combine(_folder.Path, "x"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {missing}: no such file; give the path of a CharacterBox scene file (.json)\n", run.Error);
    }

    [Fact]
    public async Task An_out_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var target = Path.Combine(_folder.Path, "mine");
        var kept = _folder.Write("mine/notes.txt", "my notes");

        var run = await Cli.RunAsync("import", "characterbox", English, "--out", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: '{target}' is not empty; write the world into a new or empty folder so nothing is overwritten.\n", run.Error);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal("my notes", File.ReadAllText(kept));
    }

    [Fact]
    public async Task Out_is_required()
    {
        var run = await Cli.RunAsync("import", "characterbox", English);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--out", run.Error);
    }
}
