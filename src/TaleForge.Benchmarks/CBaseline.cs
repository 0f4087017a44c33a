using System.Globalization;

namespace TaleForge.Benchmarks;

/// <summary>
/// The C program under tools/bench, compiled with gcc against the installed llama.h and libraries: the same
/// decode-and-sample loop with no binding in between, i.e. the ceiling.
/// </summary>
internal static class CBaseline
{
    private const string Source = "llama-c-baseline.c";

    public static async Task<PeerResult> MeasureAsync(InferenceBenchmarkSettings settings, string libraryDirectory, string prompt, CancellationToken cancellation)
    {
        if (!ExternalProcess.IsOnPath("gcc"))
        {
            return PeerResult.Unavailable("gcc is not installed");
        }
        var source = BenchmarkTools.Find(Source);
        if (source is null)
        {
            return PeerResult.Unavailable($"tools/bench/{Source} not found (run from the repository)");
        }
        var include = Path.Combine(Path.GetDirectoryName(libraryDirectory)!, "include");
        var directory = Path.Combine(settings.CacheRoot, "bench");
        Directory.CreateDirectory(directory);
        var program = Path.Combine(directory, "llama-c-baseline");
        // The program finds the libraries by the path compiled into it: one built against another folder (another
        // checkout sharing this cache, a moved one) is built again, as is one older than its source.
        var builtFor = Path.Combine(directory, "llama-c-baseline.libraries");
        var upToDate = File.Exists(program) && File.GetLastWriteTimeUtc(program) > File.GetLastWriteTimeUtc(source)
            && File.Exists(builtFor) && File.ReadAllText(builtFor) == libraryDirectory;
        var (compiled, _, compileError) = upToDate ? (true, "", "") : await ExternalProcess.RunAsync("gcc",
        [
            "-O2", "-std=c11", "-D_POSIX_C_SOURCE=199309L", "-I", include, "-o", program, source, "-L", libraryDirectory,
            "-l:libllama.v0.5.0.so", "-l:libggml.v0.5.0.so", "-l:libggml-base.so", "-lm", $"-Wl,-rpath,{libraryDirectory}",
        ], null, cancellation);
        if (!compiled)
        {
            return PeerResult.Unavailable($"gcc failed: {compileError.Trim()}");
        }
        if (!upToDate)
        {
            await File.WriteAllTextAsync(builtFor, libraryDirectory, cancellation);
        }
        var promptFile = Path.Combine(directory, "prompt.txt");
        await File.WriteAllTextAsync(promptFile, prompt, cancellation);
        string[] arguments =
        [
            libraryDirectory, settings.ModelPath, promptFile, Number(settings.Threads), Number(settings.ContextSize), Number(settings.BatchSize),
            Number(settings.Sequences), Number(settings.Tokens), Number(settings.Runs), settings.Seed.ToString(CultureInfo.InvariantCulture),
            NodePeer.Format(settings.Temperature), Number(settings.TopK), NodePeer.Format(settings.TopP), NodePeer.Format(settings.MinP),
        ];
        var (ok, output, error) = await ExternalProcess.RunAsync(program, arguments, null, cancellation);
        return ok ? NodePeer.Parse(output) : PeerResult.Unavailable($"the C baseline failed: {error.Trim()}");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
