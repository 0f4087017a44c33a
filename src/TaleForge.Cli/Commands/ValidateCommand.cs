using System.CommandLine;
using System.Text.Json.Nodes;
using TaleForge.Cli.Presentation;
using TaleForge.Content;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge validate WORLD...</c>: loads and lints worlds, reports every problem, exits 1 if any is an error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var worlds = new Argument<string[]>("world-folder")
        {
            Description = "World folders (or one-file worlds) to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON on stdout, for tools." };
        var command = new Command("validate", "Check worlds for every error and warning, with file:line:column and a hint for each. Exits 0 when no world has an error, 1 otherwise.")
        {
            worlds,
            json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var results = new List<LoadResult>();
            foreach (var path in parse.GetValue(worlds) ?? [])
            {
                cancellation.ThrowIfCancellationRequested();
                results.Add(WorldLoader.Load(path));
            }

            if (parse.GetValue(json))
            {
                var report = new JsonObject
                {
                    ["valid"] = results.All(r => !r.HasErrors),
                    ["errors"] = results.Sum(r => r.ErrorCount),
                    ["warnings"] = results.Sum(r => r.WarningCount),
                    ["worlds"] = new JsonArray([.. results.Select(DiagnosticReport.ToJson)]),
                };
                await output.WriteLineAsync(Json.Write(report));
            }
            else
            {
                foreach (var result in results)
                {
                    foreach (var diagnostic in result.Diagnostics)
                    {
                        await DiagnosticReport.WriteAsync(diagnostic, error);
                    }
                    await output.WriteLineAsync(DiagnosticReport.Summary(result));
                }
            }
            return results.Any(r => r.HasErrors) ? 1 : 0;
        });
        return command;
    }
}
