using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>The world's identity, voice and starting point.</summary>
public sealed record WorldInfo
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>BCP 47 language tag of the prose ("en", "zh"); prompts are written in it.</summary>
    public string Language { get; init; } = "en";

    public string Premise { get; init; } = "";
    public string Setting { get; init; } = "";
    public string Tone { get; init; } = "";
    public string NarrationStyle { get; init; } = "";

    /// <summary>The scene play begins with; the first scene when empty.</summary>
    public string StartScene { get; init; } = "";

    public ClockDefinition Clock { get; init; } = new();

    /// <summary>Flags already set when play begins.</summary>
    public ImmutableArray<string> Flags { get; init; } = [];

    /// <summary>How lore is chosen for prompts.</summary>
    public LoreSettings LoreSettings { get; init; } = new();

    public Extensions Extensions { get; init; } = Extensions.Empty;
}
