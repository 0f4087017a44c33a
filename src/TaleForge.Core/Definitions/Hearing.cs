namespace TaleForge.Core.Definitions;

/// <summary>Where a trigger's narration is heard, as its author says (<c>heard:</c>).</summary>
public enum Hearing
{
    /// <summary>Only in the scene's location (the default, and how every trigger was told before it could be chosen).</summary>
    Here,

    /// <summary>There and in every place one exit away, either way; those next door are told where it came from.</summary>
    Adjacent,

    /// <summary>In every place of the world.</summary>
    Everywhere,
}
