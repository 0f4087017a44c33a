using System.Diagnostics;
using TaleForge.LlamaCpp.Gguf;

namespace TaleForge.Cli.Tests;

/// <summary>
/// The CLI, in child processes, on a sample of mutated model files (every 30th of the mutations ModelMutationTests tries
/// in-process): a refused file ends with exit 1 and a message naming the field, an accepted one
/// plays; never 134 (abort) or 139 (segmentation fault).
/// </summary>
[Slow]
[StartsProcesses]
[NeedsNativeLibrary]
public class MutatedModelProcessTests
{
    [Fact]
    public async Task A_sample_of_mutated_models_ends_with_exit_1_naming_the_field_or_plays_never_with_a_native_crash()
    {
        using var folder = new TemporaryFolder();
        var original = GgufReader.Read(TinyModels.SharedPath);
        var all = ModelMutation.All(original).ToList();
        // Every 30th mutation: metadata and tensor fields, each kind of change, at about 8 s a child on a busy machine.
        var sample = all.Where((m, i) => i % 30 == 0).ToList();
        var executable = Path.Combine(AppContext.BaseDirectory, "taleforge.dll");
        var outcomes = new List<string>();
        for (var i = 0; i < sample.Count; i++)
        {
            var model = Path.Combine(folder.Path, $"m{i}.gguf");
            ModelMutation.Write(sample[i].Change(original), original, model);
            var refusedInProcess = IsRefused(model);
            using var child = Process.Start(new ProcessStartInfo("dotnet")
            {
                ArgumentList = { executable, "simulate", Path.Combine(Repository.Worlds, "greywick"), "--rounds", "1", "--model", model, "-c", "2048", "-t", "1", "--out", Path.Combine(folder.Path, $"out{i}") },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var output = child.StandardOutput.ReadToEndAsync();
            var error = child.StandardError.ReadToEndAsync();
            Assert.True(child.WaitForExit(TimeSpan.FromSeconds(120)), $"{sample[i]} did not finish");
            var code = child.ExitCode;
            var stderr = await error;
            await output;

            Assert.True(code is not (134 or 139), $"{sample[i]}: exit {code}\n{stderr}");
            if (refusedInProcess)
            {
                Assert.True(code == 1, $"{sample[i]}: exit {code}\n{stderr}");
                Assert.Contains($"'{sample[i].Field}'", stderr, StringComparison.Ordinal);
            }
            outcomes.Add($"{sample[i]}: {code}");
        }

        Assert.True(sample.Count >= 12, $"only {sample.Count} mutations sampled");
        Assert.Contains(outcomes, o => o.EndsWith(": 1", StringComparison.Ordinal));
    }

    private static bool IsRefused(string path)
    {
        try
        {
            ModelFileCheck.Check(GgufReader.Read(path));
            return false;
        }
        catch (InvalidModelFileException)
        {
            return true;
        }
    }
}
