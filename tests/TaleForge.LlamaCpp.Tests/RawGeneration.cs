using TaleForge.LlamaCpp.Model;
using TaleForge.LlamaCpp.Native;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>
/// Decodes one sequence token by token with a request's sampler chain and no text handling in between, so a test
/// sees exactly the tokens the chain picked.
/// </summary>
internal static class RawGeneration
{
    public static List<int> Sample(LlamaModel model, SamplingSettings settings, string prompt, int count)
    {
        using var chain = SamplerChainFactory.Create(model, settings);
        return Sample(model, chain, prompt, count);
    }

    public static List<int> Sample(LlamaModel model, SafeLlamaSamplerHandle chain, string prompt, int count)
    {
        var parameters = LlamaApi.ContextDefaultParams();
        parameters.NCtx = 1024;
        parameters.NBatch = 512;
        parameters.NUbatch = 512;
        parameters.NSeqMax = 1;
        parameters.NThreads = 1;
        parameters.NThreadsBatch = 1;
        parameters.FlashAttnType = 0;
        parameters.NoPerf = true;
        using var context = SafeLlamaContextHandle.Create(model.Handle, parameters) ?? throw new InvalidOperationException("no context");
        using var batch = new SafeLlamaBatchHandle(512);
        var promptTokens = model.Tokenize(prompt, parseSpecial: true);
        for (var i = 0; i < promptTokens.Length; i++)
        {
            batch.Add(promptTokens[i], i, 0, wantLogits: i == promptTokens.Length - 1);
        }
        Decode(context, batch);
        var logits = promptTokens.Length - 1;
        var tokens = new List<int>();
        for (var position = promptTokens.Length; tokens.Count < count && position < 1024; position++)
        {
            var token = LlamaApi.SamplerSample(chain, context, logits);
            tokens.Add(token);
            if (model.IsEndOfGeneration(token))
            {
                break;
            }
            batch.Clear();
            batch.Add(token, position, 0, wantLogits: true);
            Decode(context, batch);
            logits = 0;
        }
        return tokens;
    }

    private static void Decode(SafeLlamaContextHandle context, SafeLlamaBatchHandle batch)
    {
        var result = LlamaApi.Decode(context, batch.Native);
        if (result != 0)
        {
            throw new InvalidOperationException($"llama_decode returned {result}");
        }
    }
}
