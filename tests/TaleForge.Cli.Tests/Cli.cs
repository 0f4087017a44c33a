using System.Diagnostics;

namespace TaleForge.Cli.Tests;

/// <summary>Runs <c>taleforge</c> in-process and captures what it printed.</summary>
internal static class Cli
{
    public sealed record Run(int ExitCode, string Output, string Error, TimeSpan Elapsed);

    public static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var clock = Stopwatch.StartNew();
        var code = await TaleForgeCommand.RunAsync(args, output, error);
        return new Run(code, output.ToString(), error.ToString(), clock.Elapsed);
    }
}

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();
    public static string Worlds => Path.Combine(Root, "worlds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaleForge.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The tests must run inside a TaleForge checkout.");
    }
}

/// <summary>A folder for one test's files, deleted afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"taleforge-cli-test-{Guid.NewGuid():N}");

    public TemporaryFolder() => Directory.CreateDirectory(Path);

    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
