using System.Globalization;

namespace TaleForge.Content.Sources;

/// <summary>
/// Names a place in a world's definitions independently of files: an entity (<c>location:hall</c>) followed by
/// the YAML keys and list indexes below it (<c>location:hall/exits/0/to</c>). A second definition with the same
/// id is <c>location:hall#2</c>, so both keep their own positions.
/// </summary>
public readonly record struct SourcePath(string Value)
{
    public static SourcePath World { get; } = new("world");

    public static SourcePath Entity(string kind, string id, int occurrence = 1) =>
        new(occurrence <= 1 ? $"{kind}:{id}" : $"{kind}:{id}#{occurrence.ToString(CultureInfo.InvariantCulture)}");

    public SourcePath Field(string key) => new($"{Value}/{key}");
    public SourcePath Index(int index) => new($"{Value}/{index.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The path one step up, or null at an entity.</summary>
    public SourcePath? Parent
    {
        get
        {
            var slash = Value.LastIndexOf('/');
            return slash < 0 ? null : new SourcePath(Value[..slash]);
        }
    }

    public override string ToString() => Value;
}
