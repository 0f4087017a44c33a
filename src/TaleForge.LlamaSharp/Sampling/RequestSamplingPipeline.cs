using LLama.Native;
using LLama.Sampling;
using TaleForge.Inference.Grammar;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaSharp.Sampling;

/// <summary>
/// One request's sampler chain in LLamaSharp, stage for stage the chain of our own backend: grammar, valid UTF-8,
/// penalties, top-k, top-p, min-p, temperature, candidates put in id order and a seeded draw (or greedy). LLamaSharp's
/// DefaultSamplingPipeline differs (typical-p, no UTF-8 stage, and a grammar tried on the chosen token first), so a
/// seed would pick other tokens there than here.
/// </summary>
internal sealed class RequestSamplingPipeline : BaseSamplingPipeline
{
    private readonly SamplingSettings _settings;
    private readonly Utf8TokenTable _utf8;

    public RequestSamplingPipeline(SamplingSettings settings, Utf8TokenTable utf8)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(utf8);
        if (settings.Grammar is { } grammar)
        {
            // llama.cpp answers a grammar it cannot parse with NULL, which LLamaSharp would add to the chain and
            // crash on; our parser rejects it first, saying where.
            GbnfGrammar.Parse(grammar, JsonSchemaGrammar.RootRule);
        }
        _settings = settings;
        _utf8 = utf8;
    }

    protected override SafeLLamaSamplerChainHandle CreateChain(SafeLLamaContextHandle context)
    {
        var settings = _settings;
        var chain = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
        try
        {
            if (settings.SuppressEndOfGeneration && settings.Grammar is null)
            {
                var vocab = context.ModelHandle.Vocab;
                var biases = Enumerable.Range(0, vocab.Count)
                    .Where(t => ((LLamaToken)t).IsEndOfGeneration(vocab))
                    .Select(t => new LLamaLogitBias { Token = t, Bias = float.NegativeInfinity })
                    .ToArray();
                chain.AddLogitBias(vocab.Count, biases);
            }
            if (settings.Grammar is { } grammar)
            {
                GrammarCheck.Check(context.ModelHandle, grammar, JsonSchemaGrammar.RootRule);
                chain.AddGrammar(context.ModelHandle.Vocab, grammar, JsonSchemaGrammar.RootRule);
            }
            chain.AddCustom(new ValidUtf8Stage(new Utf8OutputFilter(_utf8)));
            if (settings.RepeatPenalty != 1f || settings.FrequencyPenalty != 0f || settings.PresencePenalty != 0f)
            {
                chain.AddPenalties(settings.RepeatLastN, settings.RepeatPenalty, settings.FrequencyPenalty, settings.PresencePenalty);
            }
            if (settings.Temperature <= 0f)
            {
                chain.AddGreedySampler();
                return chain;
            }
            if (settings.TopK > 0)
            {
                chain.AddTopK(settings.TopK);
            }
            if (settings.TopP is > 0f and < 1f)
            {
                chain.AddTopP(settings.TopP, 1);
            }
            if (settings.MinP is > 0f and < 1f)
            {
                chain.AddMinP(settings.MinP, 1);
            }
            chain.AddTemperature(settings.Temperature);
            chain.AddCustom(new CanonicalOrderStage());
            chain.AddDistributionSampler(settings.Seed);
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }
}
