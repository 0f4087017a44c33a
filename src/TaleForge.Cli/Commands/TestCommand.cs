using System.CommandLine;
using TaleForge.Cli.Play;
using TaleForge.Core;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge test WORLD</c>: plays every scripted play-through kept in the world's <c>tests/</c> folder
/// (<c>*.script</c>, see <see cref="WorldScript"/>) in authored mode and checks its expectations, as Inform's test
/// scripts do; prints PASS or FAIL for each, and exits 0 when all pass, 1 otherwise.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var world = new Argument<string?>("world")
        {
            Description = "A world's name in the worlds folder, or the path of a world folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var verbose = new Option<bool>("--transcript") { Description = "Print each play-through's transcript as well." };
        var dir = WorldsDirectoryOption.Create();
        var command = new Command("test", "Play the scripted play-throughs in a world's tests/ folder and check what they expect (the story ends, flags set, where the player stands). Exits 0 when all pass, 1 otherwise.")
        {
            world,
            verbose,
            dir,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var source = PlayCommand.ResolveWorld(parse.GetValue(world), parse.GetValue(dir));
            var opened = source.Open();
            var folder = Path.Combine(Directory.Exists(source.Path) ? source.Path : Path.GetDirectoryName(Path.GetFullPath(source.Path)) ?? ".", "tests");
            var scripts = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.script").Order(StringComparer.Ordinal).ToList() : [];
            if (scripts.Count == 0)
            {
                throw new TaleForgeException($"the world '{opened.Definition.Info.Id}' keeps no scripted play-throughs: add one as {Path.Combine(folder, "NAME.script")} (commands, one a line, and '#expect ended').");
            }
            var failed = 0;
            foreach (var path in scripts)
            {
                var script = WorldScript.Read(path);
                var (failures, transcript) = await script.RunAsync(opened.Definition, cancellation);
                if (parse.GetValue(verbose))
                {
                    await output.WriteLineAsync(transcript);
                }
                await output.WriteLineAsync($"{(failures.Count == 0 ? "PASS" : "FAIL")} {script.Name} ({script.Commands.Count} commands)");
                foreach (var failure in failures)
                {
                    await output.WriteLineAsync($"  {Path.GetRelativePath(Environment.CurrentDirectory, path)}: {failure}");
                }
                failed += failures.Count == 0 ? 0 : 1;
            }
            await output.WriteLineAsync($"{scripts.Count - failed} of {scripts.Count} play-throughs passed.");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
