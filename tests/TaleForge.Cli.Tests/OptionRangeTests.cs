using TaleForge.Cli.Models;
using TaleForge.CommandLine;
using TaleForge.Core;

namespace TaleForge.Cli.Tests;

/// <summary>Every option out of its range, from a flag, a TALEFORGE_* variable or the config file, is a usage error naming it.</summary>
public class OptionRangeTests
{
    private static readonly string Processors = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string[], string> OutOfRange => new()
    {
        { ["play", "--ctx-size", "0"], "--ctx-size must be from 16 to 16777216, not 0." },
        { ["play", "-c", "-5"], "--ctx-size must be from 16 to 16777216, not -5." },
        { ["play", "--threads", "0"], $"--threads must be from 1 to {Processors} (the processors this machine has), not 0." },
        { ["play", "--threads", "-1"], $"--threads must be from 1 to {Processors} (the processors this machine has), not -1." },
        { ["play", "-t", "100000"], $"--threads must be from 1 to {Processors} (the processors this machine has), not 100000." },
        { ["play", "--n-gpu-layers", "-2"], "--n-gpu-layers must be from -1 to 100000 (-1: all), not -2." },
        { ["play", "--temp", "-0.5"], "--temp must be from 0 to 10, not -0.5." },
        { ["play", "--temp", "NaN"], "--temp must be from 0 to 10, not NaN." },
        { ["play", "--temp", "Infinity"], "--temp must be from 0 to 10, not Infinity." },
        { ["play", "--load", ""], "--load needs a value; it was given an empty one." },
        { ["play", "--save", " "], "--save needs a value; it was given an empty one." },
        { ["play", "--as", ""], "--as needs a value; it was given an empty one." },
        { ["play", "--saves", ""], "--saves needs a value; it was given an empty one." },
        { ["play", "--script", ""], "--script needs a value; it was given an empty one." },
        { ["play", "--model", ""], "--model needs a value; it was given an empty one." },
        { ["play", "--dir", ""], "--dir needs a value; it was given an empty one." },
        { ["simulate", "greywick", "-o", "x", "--episodes", "0"], "--episodes must be from 1 to 1000000, not 0." },
        { ["simulate", "greywick", "-o", "x", "--parallel", "-3"], "--parallel must be from 1 to 256, not -3." },
        { ["simulate", "greywick", "-o", "x", "--rounds", "0"], "--rounds must be from 1 to 1000000, not 0." },
        { ["simulate", "greywick", "-o", "x", "--candidates", "0"], "--candidates must be from 1 to 16 (each candidate is a full turn request), not 0." },
        { ["simulate", "greywick", "-o", "x", "--candidates", "-2"], "--candidates must be from 1 to 16 (each candidate is a full turn request), not -2." },
        { ["simulate", "greywick", "-o", "x", "--candidates", "1000"], "--candidates must be from 1 to 16 (each candidate is a full turn request), not 1000." },
        { ["play", "--candidates", "17"], "--candidates must be from 1 to 16 (each candidate is a full turn request), not 17." },
        { ["simulate", "greywick", "-o", "x", "--threads", "0"], $"--threads must be from 1 to {Processors} (the processors this machine has), not 0." },
        { ["eval", "t.jsonl", "-o", "x", "--threads", "-1"], $"--threads must be from 1 to {Processors} (the processors this machine has), not -1." },
        { ["eval", "t.jsonl", "-o", "x", "--ctx-size", "1"], "--ctx-size must be from 16 to 16777216, not 1." },
        { ["replay", "t.jsonl", "--step", "-1"], "--step must be from 0 to 9223372036854775807, not -1." },
        { ["play", "--backend", "llamacpp"], "--backend must be llama or llamasharp, not 'llamacpp'." },
        { ["simulate", "greywick", "-o", "x", "--backend", "cuda"], "--backend must be llama or llamasharp, not 'cuda'." },
        { ["eval", "t.jsonl", "-o", "x", "--backend", ""], "--backend must be llama or llamasharp, not ''." },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task A_flag_out_of_range_is_a_usage_error_naming_the_option_and_its_range(string[] args, string message)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {message}\nSee 'taleforge --help'.\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("TALEFORGE_CTX_SIZE", "0", "TALEFORGE_CTX_SIZE must be from 16 to 16777216, not 0.")]
    [InlineData("TALEFORGE_THREADS", "-1", "TALEFORGE_THREADS must be from 1 to {0} (the processors this machine has), not -1.")]
    [InlineData("TALEFORGE_THREADS", "lots", "TALEFORGE_THREADS must be a whole number from 1 to {0} (the processors this machine has), not 'lots'.")]
    [InlineData("TALEFORGE_N_GPU_LAYERS", "-7", "TALEFORGE_N_GPU_LAYERS must be from -1 to 100000 (-1: all), not -7.")]
    [InlineData("TALEFORGE_TEMP", "NaN", "TALEFORGE_TEMP must be from 0 to 10, not NaN.")]
    [InlineData("TALEFORGE_PARALLEL", "0", "TALEFORGE_PARALLEL must be from 1 to 256, not 0.")]
    [InlineData("TALEFORGE_BACKEND", "sharp", "TALEFORGE_BACKEND must be llama or llamasharp, not 'sharp'.")]
    public void A_variable_out_of_range_is_a_usage_error_naming_it(string variable, string value, string message)
    {
        var error = Assert.Throws<TaleForgeException>(() => new ModelSettings().WithEnvironment(name => name == variable ? value : null));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, Processors), error.Message);
    }

    [Theory]
    [InlineData("ctx_size: 0", "ctx_size in {0} must be from 16 to 16777216, not 0.")]
    [InlineData("threads: 100000", "threads in {0} must be from 1 to {1} (the processors this machine has), not 100000.")]
    [InlineData("parallel: -1", "parallel in {0} must be from 1 to 256, not -1.")]
    [InlineData("temp: 99", "temp in {0} must be from 0 to 10, not 99.")]
    [InlineData("backend: onnx", "backend in {0} must be llama or llamasharp, not 'onnx'.")]
    public void A_config_value_out_of_range_is_a_usage_error_naming_the_file_and_key(string yaml, string message)
    {
        using var folder = new TemporaryFolder();
        var config = folder.Write("config.yaml", yaml + "\n");

        var error = Assert.Throws<TaleForgeException>(() => new ModelSettings().WithConfigFile(config));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, config, Processors), error.Message);
    }

    [Fact]
    public void The_backend_is_ours_unless_llamasharp_is_asked_for_by_the_config_file_or_the_environment_in_any_case()
    {
        using var folder = new TemporaryFolder();
        var config = folder.Write("config.yaml", "backend: LLamaSharp\n");

        Assert.Equal("llama", new ModelSettings().Backend);
        Assert.Equal("llamasharp", new ModelSettings().WithConfigFile(config).Backend);
        Assert.Equal("llama", new ModelSettings().WithConfigFile(config).WithEnvironment(name => name == "TALEFORGE_BACKEND" ? "llama" : null).Backend);
        Assert.Equal("llamasharp", RecordedModels.Settings(new Engine.Trajectories.ModelReference { Role = Engine.Agents.Role.Characters, File = "m.gguf", Backend = "LLamaSharp 0.30.0 CPU Avx2" }).Backend);
        Assert.Equal("llama", RecordedModels.Settings(new Engine.Trajectories.ModelReference { Role = Engine.Agents.Role.Characters, File = "m.gguf", Backend = "llama.cpp 0.5.0-dev CPU" }).Backend);
    }

    [Fact]
    public async Task A_config_file_out_of_range_stops_play_before_anything_is_written()
    {
        using var folder = new TemporaryFolder();
        var config = folder.Write("config.yaml", "threads: 0\n");
        var saves = Path.Combine(folder.Path, "saves");

        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--config", config, "--saves", saves, "--observe");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: threads in {config} must be from 1 to {Processors} (the processors this machine has), not 0.\n", run.Error);
        Assert.Empty(Directory.Exists(saves) ? Directory.EnumerateFileSystemEntries(saves) : []);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await Cli.RunAsync("saves", "--no-such-option");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("See 'taleforge --help'.\n", run.Error, StringComparison.Ordinal);
    }
}
