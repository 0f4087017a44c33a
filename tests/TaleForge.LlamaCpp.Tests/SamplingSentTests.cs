using TaleForge.Inference.Backends;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>What the header records as sampling is what llama.cpp samples with: no default is filled in on the way.</summary>
public class SamplingSentTests
{
    [Fact]
    public void The_llama_client_samples_with_exactly_the_settings_sent()
    {
        var sent = new Inference.Backends.Sampling
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
        var options = sent.ToChatOptions();
        options.Seed = 9;

        var (used, _, _) = RequestMapper.Map(options, new LlamaChatClientOptions { DefaultSampling = new SamplingSettings { Temperature = 2f, TopK = 1 } });

        Assert.Equal((0.3f, 7, 0.5f, 0.1f, 1.2f, 32, 0.25f, 0.75f, 9u),
            (used.Temperature, used.TopK, used.TopP, used.MinP, used.RepeatPenalty, used.RepeatLastN, used.FrequencyPenalty, used.PresencePenalty, used.Seed));
    }

    [Fact]
    public void The_llama_clients_own_defaults_are_the_engines_one_set()
    {
        var own = new SamplingSettings();
        var defaults = Inference.Backends.Sampling.Default;

        Assert.Equal((defaults.Temperature, defaults.TopK, defaults.TopP, defaults.MinP, defaults.RepeatPenalty, defaults.RepeatLastN),
            (own.Temperature, own.TopK, own.TopP, own.MinP, own.RepeatPenalty, own.RepeatLastN));
    }
}
