using System.CommandLine;
using TaleForge.Cli.Commands;
using TaleForge.CommandLine;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Research.Evaluation;

namespace TaleForge.Cli.Models;

/// <summary>
/// <c>--prompts DIR</c>: a researcher's templates in place of the built-in ones of the same name, for every command
/// that asks a model. Loaded and checked before any model is, so a bad template stops the run at once.
/// </summary>
internal static class PromptFolder
{
    public static Option<string?> Option() => new Option<string?>("--prompts")
    {
        Description = "Folder of prompt templates (en/NAME.sbn, zh/NAME.sbn) replacing the built-in ones of the same name; "
            + "'taleforge prompts export DIR' writes the built-in ones to start from.",
    }.NotBlank();

    /// <summary>Every prompt this executable sends: the play's and the evaluation's.</summary>
    public static IReadOnlyList<PromptKind> Kinds { get; } = [.. EnginePrompts.Kinds, .. ResearchPrompts.Kinds];

    /// <summary>The built-in templates, each replaced by the folder's of the same name when a folder is given.</summary>
    public static PromptSet Load(string? folder) => PromptSet.Load(Kinds, folder);
}
