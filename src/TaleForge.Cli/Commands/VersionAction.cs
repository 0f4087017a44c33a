using System.CommandLine;
using System.CommandLine.Invocation;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Commands;

/// <summary>
/// Prints TaleForge's own version for <c>--version</c>. The default action reads the entry assembly, which is the
/// test host, not taleforge, when the command runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version => TaleForgeVersion.Running;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return 0;
    }

    /// <summary>Replaces the default version action of <paramref name="root"/>.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction();
        }
    }
}
