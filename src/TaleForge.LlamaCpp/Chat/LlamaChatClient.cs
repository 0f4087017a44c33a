using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Batching;
using TaleForge.LlamaCpp.Model;

namespace TaleForge.LlamaCpp.Chat;

/// <summary>
/// <see cref="IChatClient"/> over a local GGUF model through llama.cpp. Concurrent requests share one context and
/// are decoded together (continuous batching); a prompt that starts like an earlier one reuses its KV cache.
/// Per-request sampling comes from <see cref="ChatOptions"/> (see also <see cref="LlamaChatOptions"/>), structured
/// output from ResponseFormat or a raw grammar (TaleForge.Inference.GrammarOptions).
/// </summary>
public sealed class LlamaChatClient : IChatClient
{
    private readonly LlamaModel _model;
    private readonly bool _ownsModel;
    private readonly LlamaChatClientOptions _options;
    private readonly InferenceScheduler _scheduler;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates a client on an already loaded model (which the caller keeps and disposes).</summary>
    public LlamaChatClient(LlamaModel model, LlamaChatClientOptions? options = null) : this(model, options, ownsModel: false) { }

    private LlamaChatClient(LlamaModel model, LlamaChatClientOptions? options, bool ownsModel)
    {
        ArgumentNullException.ThrowIfNull(model);
        _options = options ?? new LlamaChatClientOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ContextSize, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Threads, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxSequences, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MaxSequences, 256, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        _model = model;
        _ownsModel = ownsModel;
        _scheduler = new InferenceScheduler(model, new SchedulerSettings(
            _options.ContextSize, _options.BatchSize, _options.MaxSequences, _options.Threads, _options.BatchThreads ?? _options.Threads, _options.PrefixCache, _options.FlashAttention,
            _options.SeparateKvStreams));
        _metadata = new ChatClientMetadata("llama.cpp", null, System.IO.Path.GetFileName(model.Path));
    }

    /// <summary>
    /// Checks and loads a GGUF model file and creates a client that owns it. Progress goes from 0 to 1.
    /// A bad file throws <see cref="Gguf.InvalidModelFileException"/>; nothing reaches llama.cpp.
    /// </summary>
    public static Task<LlamaChatClient> LoadAsync(string modelPath, LlamaChatClientOptions? options = null, IProgress<float>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        options ??= new LlamaChatClientOptions();
        return Task.Run(() =>
        {
            var model = LlamaModel.Load(modelPath, new LlamaModelOptions { GpuLayers = options.GpuLayers, Backend = options.Backend, Logger = options.Logger }, progress, cancellation);
            try
            {
                return new LlamaChatClient(model, options, ownsModel: true);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }, cancellation);
    }

    public LlamaModel Model => _model;

    /// <summary>Size of the shared KV cache in tokens.</summary>
    public int ContextSize => _scheduler.ContextSize;

    /// <summary>Number of <c>llama_decode</c> calls so far (each may serve several requests).</summary>
    public long DecodeCalls => _scheduler.DecodeCalls;

    /// <summary>Prompt tokens evaluated so far (tokens found in the prefix cache are not counted).</summary>
    public long PromptTokensEvaluated => _scheduler.PromptTokensEvaluated;

    /// <summary>The prompt text a conversation renders to, with the model's chat template or the ChatML fallback.</summary>
    public string FormatPrompt(IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return ChatPromptFormatter.Format(_model, messages, options?.Instructions, out _);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var job = Start(messages, options, streaming: false, cancellationToken);
        await foreach (var item in job.Events.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            switch (item)
            {
                case GenerationEvent.Finished finished:
                    return GenerationReport.Response(finished, _metadata.DefaultModelId);
            }
        }
        throw new InvalidOperationException("The generation ended without reporting its end.");
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Stopping the enumeration early stops the generation too, instead of letting it run on unread.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var job = Start(messages, options, streaming: true, stop.Token);
        var id = Guid.NewGuid().ToString("N");
        var finished = false;
        try
        {
            await foreach (var item in job.Events.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                switch (item)
                {
                    case GenerationEvent.Piece piece:
                        yield return new ChatResponseUpdate(ChatRole.Assistant, piece.Text) { ResponseId = id, ModelId = _metadata.DefaultModelId };
                        break;
                    case GenerationEvent.Finished end:
                        finished = true;
                        yield return GenerationReport.LastUpdate(end, id, _metadata.DefaultModelId);
                        break;
                }
            }
        }
        finally
        {
            if (!finished)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_model) ? _model
            : null;
    }

    public void Dispose()
    {
        _scheduler.Dispose();
        if (_ownsModel)
        {
            _model.Dispose();
        }
    }

    private GenerationJob Start(IEnumerable<ChatMessage> messages, ChatOptions? options, bool streaming, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var (sampling, maxTokens, stops) = RequestMapper.Map(options, _options);
        var prompt = ChatPromptFormatter.Format(_model, messages, options?.Instructions, out _);
        var tokens = _model.Tokenize(prompt, addSpecial: _model.AddsBos, parseSpecial: true);
        return _scheduler.Submit(new GenerationRequest(tokens, sampling, maxTokens, stops), streaming, cancellation);
    }
}
