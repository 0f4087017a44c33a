using System.Collections.Immutable;

namespace TaleForge.Inference.Backends;

/// <summary>
/// Which model answered, for the trajectory header: a local file by name, size and SHA-256, or (a remote engine)
/// an endpoint and the model id it serves; with the backend's name and the settings that shape its output.
/// </summary>
public sealed record BackendReference
{
    /// <summary>The model file's name, or the model id an endpoint serves.</summary>
    public required string Model { get; init; }

    /// <summary>The backend and its version ("llama.cpp b6000 CPU").</summary>
    public required string Backend { get; init; }

    /// <summary>The file's size in bytes; 0 for a remote model.</summary>
    public long Bytes { get; init; }

    /// <summary>The file's SHA-256 in lower-case hex; "" for a remote model.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>Where a remote model is served; null for a local file.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Settings that shape the output beyond sampling (context size, GPU layers, threads), by llama.cpp's names.</summary>
    public ImmutableSortedDictionary<string, string> Settings { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
