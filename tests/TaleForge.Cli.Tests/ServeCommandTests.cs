namespace TaleForge.Cli.Tests;

/// <summary><c>taleforge serve</c>'s own checks, before anything listens or loads.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serving_a_file_that_does_not_exist_says_which_and_what_to_give()
    {
        var run = await Cli.RunAsync("serve", "--model", "no-such-model.gguf", "--port", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--model 'no-such-model.gguf' does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_variable_that_is_empty_is_refused_rather_than_serving_without_a_key()
    {
        using var folder = new TemporaryFolder();
        var model = folder.Write("m.gguf", "not really a model");

        var run = await Cli.RunAsync("serve", "--model", model, "--port", "0", "--api-key-env", "TALEFORGE_TEST_UNSET_KEY_VARIABLE");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("TALEFORGE_TEST_UNSET_KEY_VARIABLE, but that environment variable is empty", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_character_endpoint_without_a_model_is_refused_with_the_form_it_takes()
    {
        using var folder = new TemporaryFolder();
        var run = await Cli.RunAsync("simulate", "greywick", "--dir", Repository.Worlds, "--rounds", "1", "--out", folder.Path, "--character-endpoint", "maud=http://127.0.0.1:9/v1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("takes URL,MODEL", run.Error, StringComparison.Ordinal);
    }
}
