using System.ComponentModel.DataAnnotations;

namespace TaleForge.Remote.Tests;

/// <summary>A small typed reply for the tests: who speaks and what, bounded so the schema has something to enforce.</summary>
public sealed record Greeting([property: MaxLength(20)] string Speaker, [property: MaxLength(80)] string Line, Mood Mood);

public enum Mood
{
    Calm,
    Cross,
}
