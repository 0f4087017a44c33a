namespace TaleForge.Testing;

/// <summary>
/// The walkthrough of a sample world, docs/walkthroughs/WORLD.md: its script is the first ```text block, one
/// command per line, # for comments.
/// </summary>
public static class Walkthrough
{
    public static string Path(string world) => System.IO.Path.Combine(Repository.Docs, "walkthroughs", world + ".md");

    /// <summary>The text block as written, comments included: what `play --script` is given.</summary>
    public static string Script(string world)
    {
        var markdown = File.ReadAllText(Path(world));
        var start = markdown.IndexOf("```text\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{Path(world)} has no ```text block.");
        }
        start += "```text\n".Length;
        return markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];
    }

    /// <summary>The player's commands, without comments and blank lines.</summary>
    public static IReadOnlyList<string> Commands(string world) =>
        [.. Script(world).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
