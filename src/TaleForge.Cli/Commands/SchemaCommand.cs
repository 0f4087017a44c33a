using System.CommandLine;
using TaleForge.Content.Format;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge schema</c>: the JSON Schema of world files, for editors (yaml-language-server) and tools.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema (draft-07) of the world format. Point an editor at it with a '# yaml-language-server: $schema=PATH' first line.");
        command.SetAction(async (parse, _) =>
        {
            await parse.InvocationConfiguration.Output.WriteAsync(SchemaExporter.Export());
            return 0;
        });
        return command;
    }
}
