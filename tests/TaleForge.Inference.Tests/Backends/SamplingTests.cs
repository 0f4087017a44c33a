using TaleForge.Inference.Backends;

namespace TaleForge.Inference.Tests.Backends;

public class SamplingTests
{
    [Fact]
    public void The_defaults_are_llama_cpps_command_line_values_and_greedy_differs_only_in_temperature()
    {
        var defaults = Sampling.Default;

        Assert.Equal((0.8f, 40, 0.95f, 0.05f, 1.0f, 64, 0f, 0f),
            (defaults.Temperature, defaults.TopK, defaults.TopP, defaults.MinP, defaults.RepeatPenalty, defaults.RepeatLastN, defaults.FrequencyPenalty, defaults.PresencePenalty));
        Assert.Equal(defaults with { Temperature = 0f }, Sampling.Greedy);
    }

    [Fact]
    public void The_options_sent_carry_every_setting_of_the_sampling()
    {
        var sampling = new Sampling
        {
            Temperature = 0.3f,
            TopK = 7,
            TopP = 0.5f,
            MinP = 0.1f,
            RepeatPenalty = 1.2f,
            RepeatLastN = 32,
            FrequencyPenalty = 0.25f,
            PresencePenalty = 0.75f,
        };

        var options = sampling.ToChatOptions();

        Assert.Equal((0.3f, 7, 0.5f, 0.25f, 0.75f), (options.Temperature, options.TopK, options.TopP, options.FrequencyPenalty, options.PresencePenalty));
        Assert.Equal((0.1f, 1.2f, 32), ((float)options.AdditionalProperties![Sampling.MinPKey]!, (float)options.AdditionalProperties[Sampling.RepeatPenaltyKey]!, (int)options.AdditionalProperties[Sampling.RepeatLastNKey]!));
        Assert.Null(options.Seed);
        Assert.NotSame(options, sampling.ToChatOptions());
    }
}
