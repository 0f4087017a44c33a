using System.Text.Json.Nodes;

namespace TaleForge.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<JsonObject> Lines(string path) => [.. File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!.AsObject())];

    [Theory]
    [InlineData("alpaca", "instruction")]
    [InlineData("sharegpt", "conversations")]
    [InlineData("chatml", "messages")]
    public async Task Each_training_format_writes_one_valid_json_record_per_kept_model_call(string format, string field)
    {
        var path = await Recorded.GrammarEpisodeAsync(_folder.Path);
        var output = Path.Combine(_folder.Path, $"{format}.jsonl");

        var run = await Cli.RunAsync("export", path, "--format", format, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var records = Lines(output);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.NotNull(r[field]));
        Assert.Equal($"wrote {records.Count} {format} records from 1 trajectories to {output}\n", run.Output);
        var calls = File.ReadAllLines(path).Skip(1).Select(l => JsonNode.Parse(l)!)
            .Where(r => (string?)r["record"] == "call" && r["parsed"] is not null && r["failure"] is null).ToList();
        var expected = format == "alpaca" ? calls.Count(c => ((string)c["role"]!).StartsWith("character:", StringComparison.Ordinal)) : calls.Count;
        Assert.Equal(expected, records.Count);
    }

    [Fact]
    public async Task Export_never_overwrites_an_existing_file()
    {
        var path = await Recorded.AuthoredAsync(_folder.Path);
        var output = _folder.Write("pairs.jsonl", "keep me");

        var run = await Cli.RunAsync("export", path, "--format", "dpo", "--out", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {output} already exists; remove it or choose another --out (nothing is overwritten).\n", run.Error);
        Assert.Equal("keep me", File.ReadAllText(output));
    }

    [Fact]
    public async Task CharacterBox_export_writes_their_five_record_kinds_into_a_folder()
    {
        var authored = await Recorded.AuthoredAsync(_folder.Path);
        var played = await Recorded.PlayedAsync(_folder.Path);
        var output = Path.Combine(_folder.Path, "characterbox");

        var run = await Cli.RunAsync("export", authored, played, "--format", "characterbox", "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"wrote 2 scene runs in CharacterBox's five record kinds from 2 trajectories to {output}\n"
            + $"and 0 scene runs under {Path.Combine(output, "output", "record")} as CharacterBox's evaluate.py and evaluate_narrator.py read them\n", run.Output);
        Assert.Equal(["all.jsonl", "character.jsonl", "narrator.jsonl", "plot.jsonl", "round.jsonl"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        var characters = Lines(Path.Combine(output, "character.jsonl"));
        Assert.Equal(2, characters.Count);
        Assert.All(characters, c => Assert.Equal("The Lamp at Greywick", (string?)c["title"]));
        Assert.All(characters, c => Assert.Equal("evening-tide", (string?)c["scene_id"]));
        var ines = characters[1]["record"]!["ines"]!.AsArray();
        Assert.Contains(ines, e => (string?)e!["type"] == "dialogue" && (string?)e["detail"]!["text"] == "The lamp is dark. Someone must go up.");
        Assert.All(ines, e => Assert.NotNull(e!["detail"]!["observation"]));
        var plots = Lines(Path.Combine(output, "plot.jsonl"));
        Assert.All(plots, p => Assert.NotEmpty(p["record"]!["generated_plot"]!.AsArray()));
    }

    [Fact]
    public async Task An_unknown_format_or_role_is_refused_with_the_choices()
    {
        var path = await Recorded.AuthoredAsync(_folder.Path);

        var format = await Cli.RunAsync("export", path, "--format", "csv", "--out", Path.Combine(_folder.Path, "x"));
        var role = await Cli.RunAsync("export", path, "--format", "alpaca", "--role", "cook", "--out", Path.Combine(_folder.Path, "y"));

        Assert.NotEqual(0, format.ExitCode);
        Assert.Contains("alpaca", format.Error, StringComparison.Ordinal);
        Assert.Equal(1, role.ExitCode);
        Assert.Equal("error: --role 'cook' is not a role; use character, character:ID, narrator, director or all.\n", role.Error);
    }
}
