using System.CommandLine;
using TaleForge.Cli.Models;
using TaleForge.Core;
using TaleForge.Engine.Agents.Prompts;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge prompts export DIR</c>: the built-in templates, written for a researcher to edit and pass back with
/// <c>--prompts DIR</c>; <c>prompts check DIR</c>: the same checks a run makes before its first call.
/// </summary>
internal static class PromptsCommand
{
    public static Command Create()
    {
        var exportFolder = new Argument<string>("DIR") { Description = "Folder to write en/NAME.sbn and zh/NAME.sbn into." };
        var export = new Command("export", "Write the built-in prompt templates (English and Chinese) into a folder, to edit and pass with --prompts DIR.")
        {
            exportFolder,
        };
        export.SetAction(async (parse, _) =>
        {
            var folder = parse.GetValue(exportFolder)!;
            var written = Export(folder);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"wrote {written} templates to {Path.GetFullPath(folder)}; edit any of them (delete the others to keep the built-in ones) and pass --prompts {folder}.");
            return 0;
        });

        var checkFolder = new Argument<string>("DIR") { Description = "Folder of templates, as --prompts takes it." };
        var check = new Command("check", "Check a folder of prompt templates as a run would: syntax, and every placeholder known to its prompt. Exit 1 on any problem.")
        {
            checkFolder,
        };
        check.SetAction(async (parse, _) =>
        {
            var folder = parse.GetValue(checkFolder)!;
            var prompts = PromptFolder.Load(folder);
            var replaced = Directory.EnumerateFiles(folder, "*" + PromptSet.Extension, SearchOption.AllDirectories).Count();
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"{prompts.Description}: {replaced} templates checked, each replacing the built-in one of its name; no problems.");
            return 0;
        });

        return new Command("prompts", "The prompt templates models are asked with: export the built-in ones, check a folder of your own.")
        {
            export,
            check,
        };
    }

    /// <summary>Every built-in template into <paramref name="folder"/>; nothing already there is overwritten.</summary>
    private static int Export(string folder)
    {
        var files = PromptFolder.Kinds
            .SelectMany(kind => PromptLanguage.All.Select(language => (Path: Path.Combine(folder, PromptSet.RelativeName(language, kind.Name)), Text: PromptSet.BuiltInText(kind, language))))
            .ToList();
        var existing = files.Where(f => File.Exists(f.Path)).Select(f => f.Path).ToList();
        if (existing.Count > 0)
        {
            throw new TaleForgeException($"{existing[0]} already exists{(existing.Count > 1 ? $" (and {existing.Count - 1} more)" : "")}; export into an empty folder (nothing is overwritten).");
        }
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return files.Count;
    }
}
