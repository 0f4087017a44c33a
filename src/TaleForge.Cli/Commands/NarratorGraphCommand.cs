using System.CommandLine;
using TaleForge.Engine.Narration;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge narrator-graph</c>: the narrator's round pipeline as a Mermaid state diagram.</summary>
internal static class NarratorGraphCommand
{
    public static Command Create()
    {
        var command = new Command("narrator-graph", "Print the narrator's state machine as a Mermaid diagram.");
        command.SetAction(async (parse, _) =>
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync(NarratorMachine.ToMermaid());
            return 0;
        });
        return command;
    }
}
