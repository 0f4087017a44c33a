using System.Collections.Immutable;

namespace TaleForge.Content.Format;

/// <summary>What a value in a world file must look like. The reader checks values against it and the JSON Schema is written from it.</summary>
public abstract record Shape
{
    /// <summary>The expected value in words, for messages: "text", "true or false", "a list".</summary>
    public abstract string Expected { get; }
}

/// <summary>Text; with a <see cref="Pattern"/> (ids, flags), text of that form, described by <see cref="Rule"/>.</summary>
public sealed record TextShape(string? Pattern = null, string? Rule = null) : Shape
{
    public override string Expected => "text";
}

public sealed record IntegerShape(int? Minimum = null, int? Maximum = null) : Shape
{
    public override string Expected => "a whole number";
}

public sealed record NumberShape(double? Minimum = null, double? Maximum = null) : Shape
{
    public override string Expected => "a number";
}

public sealed record BooleanShape : Shape
{
    public override string Expected => "true or false";
}

/// <summary>One word from a fixed set (directions, turn orders).</summary>
public sealed record ChoiceShape(ImmutableArray<string> Values) : Shape
{
    public override string Expected => $"one of: {string.Join(", ", Values)}";
}

/// <summary>A time of day written HH:MM on a 24-hour clock.</summary>
public sealed record TimeShape : Shape
{
    public const string Pattern = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$";
    public override string Expected => "a time of day such as \"21:30\"";
}

public sealed record ListShape(Shape Item) : Shape
{
    public override string Expected => "a list";
}

/// <summary>A mapping whose keys the author chooses, with text, number or true/false values (item properties).</summary>
public sealed record MapShape : Shape
{
    public override string Expected => "a mapping";
}

/// <summary>Any YAML at all, kept as written (extensions).</summary>
public sealed record AnyShape : Shape
{
    public override string Expected => "a mapping";
}

/// <summary>A mapping described by one of the format's <see cref="ObjectShape"/>s, named so shapes can nest recursively.</summary>
public sealed record ObjectRef(string Name) : Shape
{
    public override string Expected => "a mapping";
}
