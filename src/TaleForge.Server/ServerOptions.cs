namespace TaleForge.Server;

/// <summary>How <c>taleforge serve</c> runs: the model and its runtime, where it listens, and what it accepts.</summary>
public sealed record ServerOptions
{
    public required string ModelPath { get; init; }

    /// <summary>Loopback by default: a served model is reachable from elsewhere only when asked for.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests); <see cref="ChatServer.Address"/> tells which.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Tokens in the KV cache, shared by the requests decoded together (-c).</summary>
    public int ContextSize { get; init; } = 16384;

    public int GpuLayers { get; init; }

    public int? Threads { get; init; }

    /// <summary>Requests decoded together (-np); more wait in the queue.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>Requests accepted at once, decoding and waiting together; more are answered 429.</summary>
    public int MaxRequests { get; init; } = 64;

    /// <summary>The largest request body accepted; more is answered 413.</summary>
    public long MaxRequestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>When set, every /v1 request must carry it as a bearer token. Never logged.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The id /v1/models reports; the file's name unless given.</summary>
    public string? ModelId { get; init; }
}
