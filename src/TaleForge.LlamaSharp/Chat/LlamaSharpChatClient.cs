using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using LLama;
using LLama.Common;
using LLama.Native;
using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.LlamaCpp.Batching;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Gguf;
using TaleForge.LlamaCpp.Sampling;
using TaleForge.LlamaSharp.Loading;
using TaleForge.LlamaSharp.Sampling;

namespace TaleForge.LlamaSharp.Chat;

/// <summary>
/// <see cref="IChatClient"/> over a local GGUF model through LLamaSharp, reading a request as our own backend does
/// (the same mapping of ChatOptions, schema → GBNF, sampler chain and stop strings). One request decodes at a time
/// in one context that is cleared before each: no batching and no prefix cache, which LLamaSharp's executors would
/// give only with their own prompt formatting and samplers.
/// </summary>
public sealed class LlamaSharpChatClient : IChatClient
{
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly LlamaSharpOptions _options;
    private readonly LlamaChatClientOptions _requestDefaults;
    private readonly Utf8TokenTable _utf8;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ChatClientMetadata _metadata;
    private readonly string _path;

    private LlamaSharpChatClient(string path, LLamaWeights weights, LLamaContext context, LlamaSharpOptions options)
    {
        _path = path;
        _weights = weights;
        _context = context;
        _options = options;
        _requestDefaults = options.RequestDefaults();
        _utf8 = BuildUtf8Table(weights.NativeHandle);
        _metadata = new ChatClientMetadata("LLamaSharp", null, Path.GetFileName(path));
    }

    /// <summary>
    /// Checks a GGUF model file and loads it through LLamaSharp, creating a client that owns it. Progress goes from
    /// 0 to 1. A bad file throws <see cref="InvalidModelFileException"/>; nothing reaches llama.cpp.
    /// </summary>
    public static async Task<LlamaSharpChatClient> LoadAsync(string modelPath, LlamaSharpOptions? options = null, IProgress<float>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        options ??= new LlamaSharpOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ContextSize, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        // Our managed GGUF checks first, as for our backend: a broken file is reported in words, not by a native abort.
        ModelFileCheck.Check(GgufReader.Read(Path.GetFullPath(modelPath)));
        cancellation.ThrowIfCancellationRequested();
        LlamaSharpRuntime.Configure(options.Logger);
        var parameters = new ModelParams(Path.GetFullPath(modelPath))
        {
            ContextSize = (uint)options.ContextSize,
            GpuLayerCount = options.GpuLayers < 0 ? int.MaxValue : options.GpuLayers,
            Threads = options.Threads,
            BatchThreads = options.Threads,
            BatchSize = (uint)options.BatchSize,
            UBatchSize = (uint)options.BatchSize,
            SeqMax = 1,
            // As ours: flash attention's CPU kernels change logits with what shares a decode, and off is the safe side.
            FlashAttention = false,
        };
        LLamaWeights weights;
        try
        {
            weights = await LLamaWeights.LoadFromFileAsync(parameters, cancellation, progress).ConfigureAwait(false);
        }
        catch (LLama.Exceptions.LoadWeightsFailedException e)
        {
            throw new TaleForgeException($"LLamaSharp could not load '{modelPath}' (not a GGUF model its llama.cpp reads?); try the default backend, which checks the file and says what is wrong.", e);
        }
        try
        {
            var context = weights.CreateContext(parameters);
            return new LlamaSharpChatClient(modelPath, weights, context, options);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <summary>The loaded model, for what only LLamaSharp can tell.</summary>
    public LLamaWeights Weights => _weights;

    public string ModelPath => _path;

    /// <summary>Size of the KV cache in tokens.</summary>
    public int ContextSize => (int)_context.ContextSize;

    public LlamaSharpOptions Options => _options;

    /// <summary>Tokens in <paramref name="text"/> by the model's tokenizer (no BOS, special markers as text).</summary>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : _weights.NativeHandle.Tokenize(text, false, false, Encoding.UTF8).Length;
    }

    /// <summary>The prompt text a conversation renders to, with the model's chat template or the ChatML fallback.</summary>
    public string FormatPrompt(IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return PromptRenderer.Render(_weights, messages, options?.Instructions);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await foreach (var item in GenerateAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            if (item is GenerationEvent.Finished finished)
            {
                return GenerationReport.Response(finished, _metadata.DefaultModelId);
            }
        }
        throw new InvalidOperationException("The generation ended without reporting its end.");
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N");
        await foreach (var item in GenerateAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            switch (item)
            {
                case GenerationEvent.Piece piece:
                    yield return new ChatResponseUpdate(ChatRole.Assistant, piece.Text) { ResponseId = id, ModelId = _metadata.DefaultModelId };
                    break;
                case GenerationEvent.Finished end:
                    yield return GenerationReport.LastUpdate(end, id, _metadata.DefaultModelId);
                    break;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
        _turn.Dispose();
    }

    /// <summary>
    /// One request, start to end: pieces of text as they are decoded, then the end with its reason and cost.
    /// Requests wait their turn; a cancelled one stops at the next token with OperationCanceledException.
    /// </summary>
    private async IAsyncEnumerable<GenerationEvent> GenerateAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var (sampling, maxTokens, stops) = RequestMapper.Map(options, _requestDefaults);
        var prompt = PromptRenderer.Render(_weights, messages, options?.Instructions);
        var tokens = _weights.NativeHandle.Tokenize(prompt, _weights.Vocab.ShouldAddBOS, true, Encoding.UTF8);
        if (tokens.Length == 0)
        {
            throw new ArgumentException("The prompt has no tokens.", nameof(messages));
        }
        if (tokens.Length >= ContextSize)
        {
            throw new TaleForgeException($"The prompt has {tokens.Length} tokens but the context holds {ContextSize}: shorten it or load the model with a larger context size.");
        }
        using var pipeline = new RequestSamplingPipeline(sampling, _utf8);
        var queued = Stopwatch.GetTimestamp();
        await _turn.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var handle = _context.NativeHandle;
            handle.MemoryClear(true);
            var batch = new LLamaBatch();
            var position = 0;
            while (position < tokens.Length)
            {
                cancellation.ThrowIfCancellationRequested();
                var count = Math.Min(_options.BatchSize, tokens.Length - position);
                batch.Clear();
                batch.AddRange(tokens.AsSpan(position, count), position, LLamaSeqId.Zero, position + count == tokens.Length);
                await DecodeAsync(batch, cancellation).ConfigureAwait(false);
                position += count;
            }
            var output = new OutputText(stops);
            var vocab = _weights.Vocab;
            var generated = 0;
            var firstTokenAt = 0L;
            ChatFinishReason reason;
            var pieceBuffer = new byte[256];
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var token = pipeline.Sample(handle, batch.TokenCount - 1);
                if (generated == 0)
                {
                    firstTokenAt = Stopwatch.GetTimestamp();
                }
                if (token.IsEndOfGeneration(vocab))
                {
                    reason = ChatFinishReason.Stop;
                    break;
                }
                generated++;
                var (text, stopped) = output.Append(TokenBytes(token, ref pieceBuffer));
                if (text.Length > 0)
                {
                    yield return new GenerationEvent.Piece(text);
                }
                if (stopped)
                {
                    reason = ChatFinishReason.Stop;
                    break;
                }
                if (generated >= maxTokens || position + 1 >= ContextSize)
                {
                    reason = ChatFinishReason.Length;
                    break;
                }
                batch.Clear();
                batch.Add(token, position++, LLamaSeqId.Zero, true);
                await DecodeAsync(batch, cancellation).ConfigureAwait(false);
            }
            var tail = output.Flush();
            if (tail.Length > 0)
            {
                yield return new GenerationEvent.Piece(tail);
            }
            var ended = Stopwatch.GetTimestamp();
            var stats = new GenerationStats(
                tokens.Length,
                0,
                generated,
                Stopwatch.GetElapsedTime(queued, started).TotalMilliseconds,
                Stopwatch.GetElapsedTime(started, firstTokenAt).TotalMilliseconds,
                Stopwatch.GetElapsedTime(firstTokenAt, ended).TotalMilliseconds);
            yield return new GenerationEvent.Finished(reason, stats, output.Text);
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task DecodeAsync(LLamaBatch batch, CancellationToken cancellation)
    {
        var result = await _context.DecodeAsync(batch, cancellation).ConfigureAwait(false);
        if (result != DecodeResult.Ok)
        {
            throw new TaleForgeException($"LLamaSharp's llama_decode failed with {result} (the log says why); the request was stopped.");
        }
    }

    private ReadOnlySpan<byte> TokenBytes(LLamaToken token, ref byte[] buffer)
    {
        var length = (int)_weights.NativeHandle.TokenToSpan(token, buffer);
        if (length > buffer.Length)
        {
            buffer = new byte[length];
            length = (int)_weights.NativeHandle.TokenToSpan(token, buffer);
        }
        return buffer.AsSpan(0, length);
    }

    /// <summary>Our UTF-8 table over LLamaSharp's vocabulary: each token's bytes as the output receives them.</summary>
    private static Utf8TokenTable BuildUtf8Table(SafeLlamaModelHandle model)
    {
        var vocab = model.Vocab;
        var buffer = new byte[256];
        return Utf8TokenTable.Build(
            vocab.Count,
            token =>
            {
                var length = (int)model.TokenToSpan(token, buffer);
                if (length > buffer.Length)
                {
                    var large = new byte[length];
                    model.TokenToSpan(token, large);
                    return large;
                }
                return buffer[..length];
            },
            token => ((LLamaToken)token).IsEndOfGeneration(vocab));
    }
}
