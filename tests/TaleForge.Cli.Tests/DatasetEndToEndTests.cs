using System.Diagnostics;
using System.Text.Json.Nodes;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>
/// A dataset run as a researcher does it, with the tiny model: two CharacterBox works simulated by a process that is
/// killed part-way, resumed under the characterbox protocol, evaluated with charts, and exported to where
/// CharacterBox's own evaluation scripts open their records, which are then read the way those scripts read them.
/// </summary>
[Slow]
[StartsProcesses]
[NeedsNativeLibrary]
public sealed class DatasetEndToEndTests
{
    [Fact]
    public async Task A_killed_dataset_run_resumes_evaluates_and_exports_records_characterbox_scripts_read()
    {
        using var folder = new TemporaryFolder();
        var model = TinyModels.Write(Path.Combine(folder.Path, "tiny.gguf"));
        var output = Path.Combine(folder.Path, "run");
        string[] simulate = ["simulate", DatasetWorks.Folder, "--protocol", "characterbox", "--rounds", "1", "--model", model, "-c", "4096", "--out", output];

        // A process that is killed once its first episode has finished.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in simulate.Prepend(Path.Combine(AppContext.BaseDirectory, "taleforge.dll")))
        {
            start.ArgumentList.Add(argument);
        }
        using (var child = Process.Start(start)!)
        {
            _ = child.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            _ = child.StandardError.BaseStream.CopyToAsync(Stream.Null);
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3) && !Finished(output).Any())
            {
                await Task.Delay(50);
            }
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        var beforeResume = RunManifest.Read(output);
        Assert.InRange(beforeResume.Count(e => e.Status == EpisodeStatus.Finished), 1, 3);

        var resumed = await Cli.RunAsync([.. simulate, "--resume", "--parallel", "3"]);
        var evaluated = await Cli.RunAsync("eval", output, "--out", Path.Combine(folder.Path, "eval"));
        var exported = await Cli.RunAsync("export", output, "--format", "characterbox", "--out", Path.Combine(folder.Path, "cb"));

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal(DatasetWorks.Trajectories, Finished(output).Order(StringComparer.Ordinal));
        Assert.All(DatasetWorks.Trajectories, t => Assert.Equal(EpisodeProtocol.CharacterBox, TrajectoryFile.Read(Path.Combine(output, t)).Header.Protocol));
        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.Path, "eval"), "*.svg"));
        Assert.True(exported.ExitCode == 0, exported.Error);
        ReadAsEvaluatePyDoes(Path.Combine(folder.Path, "cb"), "The_Glass_Orchard", ["Edith Marsh", "Julian Ashcombe"]);
        ReadAsEvaluatePyDoes(Path.Combine(folder.Path, "cb"), "茶山夜雨", ["陈阿婆", "许子墨"]);
        ReadAsEvaluateNarratorPyDoes(Path.Combine(folder.Path, "cb"), "The_Glass_Orchard");
        ReadAsEvaluateNarratorPyDoes(Path.Combine(folder.Path, "cb"), "茶山夜雨");
    }

    private static IEnumerable<string> Finished(string output) =>
        File.Exists(Path.Combine(output, RunManifest.FileName))
            ? RunManifest.Read(output).Where(e => e.Status == EpisodeStatus.Finished).Select(e => e.Trajectory)
            : [];

    /// <summary>
    /// evaluate.py: output/record/TITLE/NARRATOR_CHARACTER_SCENE_character.json, one JSON object; per character id,
    /// the first action's character_name and detail event, time, location, description, character_description; per
    /// action its round, type, detail observation and text.
    /// </summary>
    private static void ReadAsEvaluatePyDoes(string folder, string title, string[] names)
    {
        foreach (var sceneId in new[] { 0, 1 })
        {
            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "output", "record", title, $"tiny_tiny_{sceneId}_character.json")))!.AsObject();
            Assert.Equal(["0", "1"], record.Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var (id, node) in record)
            {
                var actions = node!.AsArray();
                var first = actions[0]!;
                Assert.Equal(names[int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)], (string)first["character_name"]!);
                foreach (var field in new[] { "event", "time", "location", "description", "character_description" })
                {
                    Assert.False(string.IsNullOrEmpty((string?)first["detail"]![field]), $"{title} scene {sceneId} character {id}: detail.{field}");
                }
                foreach (var action in actions)
                {
                    Assert.Equal(1, (int)action!["round"]!);
                    Assert.Contains((string)action["type"]!, new[] { "action", "dialogue", "reaction" });
                    Assert.NotNull((string?)action["detail"]!["observation"]);
                    Assert.False(string.IsNullOrEmpty((string?)action["detail"]!["text"]));
                }
            }
        }
    }

    /// <summary>
    /// evaluate_narrator.py: output/record/TITLE/narrator/NARRATOR_CHARACTER_narrator_unseen.jsonl, the first line's
    /// record; per entry its type, and detail.prompt.template formatted with the detail fields its input_variables name.
    /// </summary>
    private static void ReadAsEvaluateNarratorPyDoes(string folder, string title)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "output", "record", title, "narrator", "tiny_tiny_narrator_unseen.jsonl"));
        var record = JsonNode.Parse(lines[0])!["record"]!.AsArray();
        Assert.NotEmpty(record);
        foreach (var entry in record)
        {
            Assert.Contains((string)entry!["type"]!, new[] { "Action Influence", "Analyze Result", "Update Character", "Update Scene" });
            var detail = entry["detail"]!;
            var template = (string)detail["prompt"]!["template"]!;
            foreach (var key in detail["prompt"]!["input_variables"]!.AsArray())
            {
                Assert.NotNull(detail[(string)key!]);
            }
            // str.format on a template with no variables: doubled braces become single ones, and nothing else may be a brace.
            var formatted = template.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal);
            Assert.DoesNotContain('{', formatted);
            Assert.DoesNotContain('}', formatted);
            Assert.False(string.IsNullOrEmpty(template));
            Assert.NotNull((string?)detail["text"]);
        }
    }
}
