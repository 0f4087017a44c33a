using System.Text;
using TaleForge.Core;
using TaleForge.LlamaCpp.Model;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Sampling;

/// <summary>
/// Builds a request's own sampler chain: bias, grammar, valid UTF-8 (see <see cref="ValidUtf8Sampler"/>), penalties,
/// then top-k, top-p, min-p, temperature, candidates put in id order (see <see cref="CanonicalOrderSampler"/>) and a
/// seeded draw (or greedy). Each sequence has its own chain, so grammars, seeds and pending characters never interfere.
/// </summary>
internal static unsafe class SamplerChainFactory
{
    public static SafeLlamaSamplerHandle Create(LlamaModel model, SamplingSettings settings)
    {
        var parameters = new LlamaSamplerChainParams { NoPerf = true };
        var chain = new SafeLlamaSamplerHandle(LlamaApi.SamplerChainInit(parameters));
        try
        {
            if (settings.SuppressEndOfGeneration && settings.Grammar is null)
            {
                var eog = model.EndOfGenerationTokens();
                var biases = eog.Select(t => new LlamaLogitBias { Token = t, Bias = float.NegativeInfinity }).ToArray();
                fixed (LlamaLogitBias* b = biases)
                {
                    Add(chain, LlamaApi.SamplerInitLogitBias(model.VocabularySize, biases.Length, b), "logit bias");
                }
            }
            if (settings.Grammar is { } grammar)
            {
                var text = Encoding.UTF8.GetBytes(grammar + "\0");
                var root = "root\0"u8.ToArray();
                fixed (byte* g = text)
                fixed (byte* r = root)
                {
                    var sampler = LlamaApi.SamplerInitGrammar(model.Vocab, g, r);
                    if (sampler == IntPtr.Zero)
                    {
                        throw new TaleForgeException("The GBNF grammar could not be parsed by llama.cpp (the log says where); check its rules and that it has a 'root' rule.");
                    }
                    LlamaApi.SamplerChainAdd(chain, sampler);
                }
            }
            // After the grammar, to see what it left (a grammar demanding invalid bytes gets them rather than no
            // candidate at all); before top-k, which reorders: the filter's sparse path needs candidates in id order.
            Add(chain, ValidUtf8Sampler.Create(Utf8TokenTable.For(model)), "valid UTF-8");
            if (settings.RepeatPenalty != 1f || settings.FrequencyPenalty != 0f || settings.PresencePenalty != 0f)
            {
                Add(chain, LlamaApi.SamplerInitPenalties(model.VocabularySize, settings.RepeatLastN, settings.RepeatPenalty, settings.FrequencyPenalty, settings.PresencePenalty), "penalties");
            }
            if (settings.Temperature <= 0f)
            {
                Add(chain, LlamaApi.SamplerInitGreedy(), "greedy");
                return chain;
            }
            if (settings.TopK > 0)
            {
                Add(chain, LlamaApi.SamplerInitTopK(settings.TopK), "top-k");
            }
            if (settings.TopP is > 0f and < 1f)
            {
                Add(chain, LlamaApi.SamplerInitTopP(settings.TopP, 1), "top-p");
            }
            if (settings.MinP is > 0f and < 1f)
            {
                Add(chain, LlamaApi.SamplerInitMinP(settings.MinP, 1), "min-p");
            }
            Add(chain, LlamaApi.SamplerInitTemp(settings.Temperature), "temperature");
            Add(chain, CanonicalOrderSampler.Create(), "canonical order");
            Add(chain, LlamaApi.SamplerInitDist(settings.Seed), "distribution");
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    private static void Add(SafeLlamaSamplerHandle chain, IntPtr sampler, string name)
    {
        if (sampler == IntPtr.Zero)
        {
            throw new InvalidOperationException($"llama.cpp could not create the {name} sampler.");
        }
        LlamaApi.SamplerChainAdd(chain, sampler);
    }
}
