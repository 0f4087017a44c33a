using System.CommandLine;
using System.Text.Json;
using TaleForge.Core;

namespace TaleForge.Benchmarks.Commands;

/// <summary>
/// <c>taleforge-bench llamasharp-peer SETTINGS-JSON</c>, hidden: the LLamaSharp side of <c>bench inference</c>, run by
/// it as a child process so that LLamaSharp's native libraries never meet ours.
/// </summary>
internal static class BenchLlamaSharpPeerCommand
{
    public static Command Create()
    {
        var settings = new Argument<string>("settings") { Description = "The inference benchmark's settings, as JSON." };
        var command = new Command(LlamaSharpPeer.CommandName, "Measure LLamaSharp on a model (run by `bench inference` in a process of its own).")
        {
            settings,
        };
        command.Hidden = true;
        command.SetAction(async (result, cancellation) =>
        {
            var parsed = JsonSerializer.Deserialize<InferenceBenchmarkSettings>(result.GetValue(settings)!)
                ?? throw new TaleForgeException("llamasharp-peer needs the inference benchmark's settings as JSON.");
            await LlamaSharpPeer.RunChildAsync(parsed, result.InvocationConfiguration.Output, cancellation);
            return 0;
        });
        return command;
    }
}
