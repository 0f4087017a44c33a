using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;
using TaleForge.Research.Export;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge export TRAJECTORY... --format F --out PATH</c>: training data and CharacterBox records from
/// recorded play. JSON Lines; nothing existing is overwritten.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["alpaca", "sharegpt", "chatml", "dpo", "characterbox"];

    public static Command Create()
    {
        var trajectories = new Argument<string[]>("trajectory") { Description = "Trajectory files (.jsonl), or folders of them (a simulate run's --out).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f")
        {
            Description = "alpaca (CharacterBox's fine-tuning records), sharegpt, chatml, dpo (preference pairs from re-asks and retries), "
                + "characterbox (their five record kinds: --out is then a folder of character/narrator/round/plot/all .jsonl, and of output/record/ as their evaluate.py and evaluate_narrator.py read it).",
            Required = true,
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string>("--out", "-o") { Description = "The file to write (a folder for characterbox).", Required = true };
        var roles = new Option<string?>("--role")
        {
            Description = "Whose model calls to export: character (default for alpaca), character:ID, narrator, director, or all (default otherwise).",
        };
        var world = new Option<string?>("--world") { Description = "characterbox: the world folder or CharacterBox scene file, when not where the header says (its hash must match)." };
        var command = new Command("export", "Export recorded play as training data (Alpaca, ShareGPT, ChatML, DPO pairs) or as CharacterBox's record kinds.")
        {
            trajectories, format, output, roles, world,
        };
        command.Subcommands.Add(ExportCardCommand.Create());
        command.Subcommands.Add(ExportLorebookCommand.Create());
        command.Subcommands.Add(ExportChatCommand.Create());
        command.SetAction(async (parse, cancellation) =>
        {
            var files = TrajectoryPaths.Expand(parse.GetValue(trajectories) ?? []).Select(TrajectoryFile.Read).ToList();
            foreach (var warning in files.SelectMany(f => f.Warnings))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"warning: {warning}");
            }
            var chosen = parse.GetValue(format)!;
            var target = parse.GetValue(output)!;
            var selection = parse.GetValue(roles) is { } r ? CallSelection.Parse(r) : null;
            var (summary, scripts) = chosen == "characterbox"
                ? await CharacterBoxAsync(files, target, parse.GetValue(world), cancellation)
                : (await LinesAsync(target, files.SelectMany(f => Records(chosen, f, selection)), cancellation) + $" {chosen} records", null);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote {summary} from {files.Count} trajectories to {target}");
            if (scripts is not null)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(scripts);
            }
            return 0;
        });
        return command;
    }

    private static IEnumerable<JsonObject> Records(string format, TrajectoryFile file, CallSelection? selection) => format switch
    {
        "alpaca" => InstructionRecords.Alpaca(file, selection),
        "sharegpt" => InstructionRecords.ShareGpt(file, selection),
        "chatml" => InstructionRecords.ChatMl(file, selection),
        "dpo" => PreferencePairs.From(file, selection).Select(pair => PreferencePairs.ToJson(file, pair)),
        _ => throw new TaleForgeException($"unknown format '{format}'; use one of {string.Join(", ", Formats)}."),
    };

    /// <summary>Writes one JSON object per line to a new file; returns how many.</summary>
    private static async Task<int> LinesAsync(string path, IEnumerable<JsonObject> records, CancellationToken cancellation)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            throw new TaleForgeException($"{path} already exists; remove it or choose another --out (nothing is overwritten).");
        }
        var count = 0;
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            foreach (var record in records)
            {
                cancellation.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(record.ToJsonString(TrajectoryJson.Options));
                count++;
            }
        }
        return count;
    }

    private static async Task<(string Summary, string Scripts)> CharacterBoxAsync(IReadOnlyList<TrajectoryFile> files, string folder, string? worldPath, CancellationToken cancellation)
    {
        var paths = CharacterBoxRun.Kinds.ToDictionary(kind => kind, kind => Path.Combine(folder, kind + ".jsonl"));
        if (File.Exists(folder))
        {
            throw new TaleForgeException($"--out for characterbox is a folder (it gets {string.Join(", ", paths.Values.Select(Path.GetFileName))}), but {folder} is a file.");
        }
        if (paths.Values.FirstOrDefault(File.Exists) is { } existing)
        {
            throw new TaleForgeException($"{existing} already exists; remove it or choose another --out folder (nothing is overwritten).");
        }
        var worlds = new Dictionary<(string, string?, string), WorldDefinition>();
        var runs = new List<CharacterBoxRun>();
        var scenes = new List<(CharacterBoxLayout.SceneFiles Files, string Trajectory)>();
        foreach (var file in files)
        {
            var key = (worldPath ?? file.Header.World.Source, Path.GetDirectoryName(Path.GetFullPath(file.Path)), file.Header.World.Hash);
            if (!worlds.TryGetValue(key, out var world))
            {
                worlds[key] = world = RecordedWorld.Load(file, worldPath);
            }
            foreach (var run in CharacterBoxRecords.From(file, world))
            {
                runs.Add(run);
                if (world.FindScene(run.Scene)?.Extensions.Get("characterbox") is not null)
                {
                    scenes.Add((CharacterBoxLayout.For(file.Header, world, run), file.Path));
                }
            }
        }
        foreach (var kind in CharacterBoxRun.Kinds)
        {
            await LinesAsync(paths[kind], runs.Select(run => run[kind]), cancellation);
        }
        await CharacterBoxPathsAsync(folder, scenes, cancellation);
        return ($"{runs.Count} scene runs in CharacterBox's five record kinds",
            $"and {scenes.Count} scene runs under {Path.Combine(folder, CharacterBoxLayout.RecordFolder)} as CharacterBox's evaluate.py and evaluate_narrator.py read them");
    }

    /// <summary>
    /// The records where CharacterBox's evaluate.py and evaluate_narrator.py open them. Their paths hold one run of a
    /// scene per pair of models, so two trajectories of one scene (two seeds) cannot both go there.
    /// </summary>
    private static async Task CharacterBoxPathsAsync(string folder, List<(CharacterBoxLayout.SceneFiles Files, string Trajectory)> scenes, CancellationToken cancellation)
    {
        var twice = scenes.GroupBy(s => s.Files.CharacterPath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new TaleForgeException(
                $"{string.Join(" and ", twice.Select(s => s.Trajectory))} both play scene {twice.First().Files.SceneId} of {twice.First().Files.Title} with the same models, "
                + "but CharacterBox's paths hold one run a scene; export one seed at a time.");
        }
        foreach (var (files, _) in scenes)
        {
            await WriteNewAsync(Path.Combine(folder, files.CharacterPath), files.Characters.ToJsonString(TrajectoryJson.Options), cancellation);
        }
        foreach (var narrator in scenes.GroupBy(s => s.Files.NarratorPath, StringComparer.Ordinal))
        {
            var lines = narrator.OrderBy(s => s.Files.SceneId).Select(s => new JsonObject
            {
                ["title"] = s.Files.Title,
                ["scene_id"] = s.Files.SceneId,
                ["record"] = s.Files.NarratorRecord,
            });
            await LinesAsync(Path.Combine(folder, narrator.Key), lines, cancellation);
        }
    }

    private static async Task WriteNewAsync(string path, string content, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await stream.WriteAsync(new UTF8Encoding(false).GetBytes(content + "\n"), cancellation);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new TaleForgeException($"{path} already exists; remove it or choose another --out folder (nothing is overwritten).");
        }
    }
}
