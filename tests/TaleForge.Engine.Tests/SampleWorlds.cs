using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Core.Definitions;

namespace TaleForge.Engine.Tests;

/// <summary>The worlds shipped in worlds/, loaded as the engine loads them.</summary>
internal static class SampleWorlds
{
    public static WorldLibrary Library { get; } = WorldLibrary.Locate(null, null, AppContext.BaseDirectory, AppContext.BaseDirectory);

    public static IEnumerable<string> Names => Library.Worlds().Select(f => Path.GetFileName(f)!);

    public static WorldDefinition Load(string name) => WorldLoader.LoadOrThrow(Library.Resolve(name));
}
