using System.CommandLine;
using TaleForge.Cli.Models;
using TaleForge.Cli.Replay;
using TaleForge.CommandLine;
using TaleForge.Core;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;
using TaleForge.Tui.Replay;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge replay TRAJECTORY</c>: tell a recorded story again from the file (the narrator's view, or one
/// character's); <c>--verify</c> re-runs it and reports the first difference; <c>--swap</c> re-plays it with one
/// character on another model while every other role gives its recorded outputs.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var trajectory = new Argument<string>("trajectory") { Description = "A trajectory file (.jsonl) written by play or simulate." };
        var character = new Option<string?>("--character") { Description = "Show only what this character (id or name) perceived, thought and decided." };
        var phase = new Option<string?>("--phase") { Description = $"Show only records of this narrator phase ({string.Join(", ", PhaseNames)})." };
        var json = new Option<bool>("--json") { Description = "Print the records as JSON lines instead of the story (with --verify: the result as JSON)." };
        var step = new Option<long?>("--step") { Description = "Show the branch that ends at this step (default: the main branch, written last)." }.Within(OptionRanges.Step);
        var verify = new Option<bool>("--verify") { Description = "Re-run the episode (same world, models, seed, settings, the player's recorded decisions) and report the first record that differs. Exit 1 when one does." };
        var model = new Option<string[]>("--model", "-m") { Description = "With --verify or --swap: a model file the header names, when it is not where it was (checked by SHA-256; repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var swap = new Option<string?>("--swap") { Description = "CHARACTER=MODEL: re-play with this character's decisions made by MODEL (a GGUF file), every other role replaying its recorded outputs where its prompt is unchanged and asked again of its recorded model where the swap changed it." };
        var output = new Option<string?>("--out") { Description = "With --swap: the folder for the new trajectory. With --verify: a folder to keep the re-run in." };
        var tui = new Option<bool>("--tui") { Description = "Browse the records full-screen: step through events and calls, filter by character and phase, inspect each call's prompt, reply, tokens and time." };
        var prompts = PromptFolder.Option();
        prompts.Description = "With --verify or --swap: the prompt templates the recording was played with (its header names them).";
        var world = new Option<string?>("--world") { Description = "The world folder or CharacterBox scene file to use instead of the one the header names (its content hash must still match)." };

        var command = new Command("replay", "Tell a recorded story again, verify that it re-runs identically, or re-play it with one character on another model.")
        {
            trajectory, character, phase, json, step, verify, model, swap, output, world, prompts, tui,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var viewing = parse.GetValue(character) is not null || parse.GetValue(phase) is not null || parse.GetValue(step) is not null;
            var models = parse.GetValue(model) ?? [];
            var verifying = parse.GetValue(verify);
            var swapping = parse.GetValue(swap);
            ReplayTui.Check(parse.GetValue(tui), verifying || swapping is not null || parse.GetValue(json));
            if (verifying && swapping is not null)
            {
                throw new TaleForgeException("--verify and --swap do different things; give one of them.");
            }
            if ((verifying || swapping is not null) && viewing)
            {
                throw new TaleForgeException("--character, --phase and --step choose what the story view shows; they do not apply to --verify or --swap.");
            }
            if (models.Length > 0 && !verifying && swapping is null)
            {
                throw new TaleForgeException("--model tells --verify (or --swap) where a recorded model is; for another model use --swap CHARACTER=MODEL.");
            }
            if (parse.GetValue(output) is not null && !verifying && swapping is null)
            {
                throw new TaleForgeException("--out is where --swap writes its trajectory (or --verify keeps its re-run).");
            }

            var file = TrajectoryFile.Read(parse.GetValue(trajectory)!);
            foreach (var warning in file.Warnings)
            {
                await stderr.WriteLineAsync($"warning: {warning}");
            }
            if (verifying)
            {
                return await ReplayRuns.VerifyAsync(file, models, parse.GetValue(world), parse.GetValue(output), parse.GetValue(json), ReplayRuns.Prompts(file, parse.GetValue(prompts)), stdout, stderr, cancellation);
            }
            if (swapping is not null)
            {
                var folder = parse.GetValue(output) ?? throw new TaleForgeException("--swap needs --out DIR: the folder for the new trajectory.");
                return await ReplayRuns.SwapAsync(file, swapping, folder, parse.GetValue(model) ?? [], parse.GetValue(world), ReplayRuns.Prompts(file, parse.GetValue(prompts)), stdout, stderr, cancellation);
            }
            var view = new ReplayView
            {
                Character = parse.GetValue(character) is { } who ? StoryText.ResolveCharacter(file, who, parse.GetValue(world)) : null,
                Phase = parse.GetValue(phase) is { } p ? ParsePhase(p) : null,
                Step = parse.GetValue(step),
            };
            if (parse.GetValue(tui))
            {
                ReplayTui.Run(file, view);
                return 0;
            }
            await StoryText.PrintAsync(file, view, parse.GetValue(json), parse.GetValue(world), stdout);
            return 0;
        });
        return command;
    }

    private static IEnumerable<string> PhaseNames => Enum.GetValues<NarratorPhase>().Select(TrajectoryLines.PhaseName);

    private static NarratorPhase ParsePhase(string text)
    {
        var wanted = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return Enum.GetValues<NarratorPhase>().FirstOrDefault(p => string.Equals(p.ToString(), wanted, StringComparison.OrdinalIgnoreCase), (NarratorPhase)(-1)) is var phase && phase >= 0
            ? phase
            : throw new TaleForgeException($"--phase '{text}' is not a narrator phase; the phases are {string.Join(", ", PhaseNames)}.");
    }
}
