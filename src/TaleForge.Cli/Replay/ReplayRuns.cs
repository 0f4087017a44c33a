using System.Text.Json.Nodes;
using TaleForge.Cli.Models;
using TaleForge.Cli.Presentation;
using TaleForge.Core;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Replay;

/// <summary>The two replays that run the game again: verification and the actor swap.</summary>
internal static class ReplayRuns
{
    /// <summary>
    /// The templates a re-run asks with: the folder given, which must be the one the recording names (by its hash),
    /// so a re-run differs only where the models or the swap make it differ.
    /// </summary>
    public static PromptSet Prompts(TrajectoryFile file, string? folder)
    {
        var prompts = PromptFolder.Load(folder);
        if (prompts.Description != file.Header.Prompts)
        {
            var problem = file.Header.Prompts is { } recorded
                ? $"{file.Path} was played with the prompt templates {recorded}, not {prompts.Description ?? "the built-in ones"}; give --prompts DIR with those very templates."
                : $"{file.Path} was played with the built-in prompt templates; leave out --prompts to re-run it.";
            throw new TaleForgeException(problem) { ExitCode = 2 };
        }
        return prompts;
    }

    public static async Task<int> VerifyAsync(
        TrajectoryFile file, IReadOnlyList<string> models, string? worldPath, string? keepIn, bool json, PromptSet prompts, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var world = RecordedWorld.Open(file, worldPath);
        string? keep = null;
        if (keepIn is not null)
        {
            Directory.CreateDirectory(keepIn);
            keep = Path.Combine(keepIn, Path.GetFileNameWithoutExtension(file.Path) + "-verify.jsonl");
            if (File.Exists(keep))
            {
                throw new TaleForgeException($"{keep} already exists; remove it or choose another --out folder (nothing is overwritten).");
            }
        }
        await using var cast = await RecordedModels.CastAsync(file, world.Definition, models, prompts, new ProgressLine(error), cancellation);
        if (!file.Header.Deterministic)
        {
            await error.WriteLineAsync("warning: the recording says its backend does not promise identical re-runs (a GPU, say); a difference may come from the backend.");
        }
        if (!json)
        {
            await output.WriteLineAsync($"Re-running {Path.GetFileName(file.Path)}: world {file.Header.World.Id}, seed {file.Header.Seed}, {cast.Description}.");
        }
        var result = await Verification.RunAsync(file, world, cast.Cast, keep, cancellation);
        if (json)
        {
            await output.WriteLineAsync(Json.Write(ToJson(file, result, keep)));
        }
        else
        {
            await output.WriteLineAsync(result.FirstDifference is { } difference
                ? $"differs: {difference}"
                : $"identical: all {result.Compared} records of the main branch match (timings aside).");
            foreach (var note in result.Notes)
            {
                await output.WriteLineAsync($"note: {note}");
            }
            if (keep is not null)
            {
                await output.WriteLineAsync($"re-run kept in {keep}");
            }
        }
        return result.Identical ? 0 : 1;
    }

    public static async Task<int> SwapAsync(
        TrajectoryFile file, string swap, string folder, IReadOnlyList<string> models, string? worldPath, PromptSet prompts, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var parts = swap.Split('=', 2);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new TaleForgeException($"--swap takes CHARACTER=MODEL (e.g. --swap tomas=other.gguf), not '{swap}'.");
        }
        var opened = RecordedWorld.Open(file, worldPath);
        var world = opened.Definition;
        var character = StoryText.ResolveCharacter(file, parts[0], world);
        if (world.FindCharacter(character) is null)
        {
            throw new TaleForgeException($"the world has no character '{parts[0]}'; its characters are {string.Join(", ", world.Characters.Select(c => c.Id))}.");
        }
        var path = Path.GetFullPath(parts[1]);
        if (!File.Exists(path))
        {
            throw new TaleForgeException($"the model file {path} does not exist.");
        }
        var role = Role.Character(character);
        var spec = EpisodeSpec.Of(file.Header);
        // The new model runs with the settings and sampling the character's recorded model had, so only the model differs.
        var settings = RecordedModels.Settings(spec.ModelFor(role));
        var loading = new ProgressLine(error);
        using var backend = await Backends.LoadAsync(path, settings, loading, cancellation);
        var reference = ModelReference.Of(role, await backend.ReferenceAsync(cancellation));
        var agent = new ModelCharacter(ModelRole.For(backend, Path.GetFileName(path), spec.Sampling), CharacterBoxProtocol.Asking(spec.Protocol) with { Prompts = prompts });
        // The recorded models answer again whatever the swap changed (the narrator on the new actions, the others' reactions).
        using var recorded = await RecordedModels.LoadAsync(file, models, loading, cancellation);
        var clients = recorded.ByFile.ToDictionary(m => m.Key, m => m.Value.Client, StringComparer.Ordinal);
        var deterministic = backend.Capabilities.Deterministic && recorded.ByFile.Values.All(b => b.Capabilities.Deterministic);
        var result = await ActorSwap.RunAsync(file, opened, character, agent, reference, deterministic, folder, clients, cancellation, prompts);
        await output.WriteLineAsync($"wrote {result.Trajectory}: {character} played by {reference.File}, every other role from the recording "
            + $"where its prompt is unchanged; {result.Reasked} calls asked again of the recorded models.");
        foreach (var note in result.Notes)
        {
            await output.WriteLineAsync($"note: {note}");
        }
        return 0;
    }

    private static JsonObject ToJson(TrajectoryFile file, VerificationResult result, string? keep) => new()
    {
        ["trajectory"] = file.Path,
        ["identical"] = result.Identical,
        ["compared"] = result.Compared,
        ["first_difference"] = result.FirstDifference is { } d
            ? new JsonObject
            {
                ["index"] = d.Index,
                ["kind"] = d.Kind,
                ["step"] = d.Step,
                ["field"] = d.Field,
                ["expected"] = d.Expected,
                ["actual"] = d.Actual,
            }
            : null,
        ["notes"] = new JsonArray([.. result.Notes.Select(n => (JsonNode)n)]),
        ["rerun"] = keep,
    };
}
