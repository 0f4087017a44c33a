using TaleForge.Content.Writing;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// Loads an imported world back through the writer and the loader, as `taleforge import` and `taleforge play`
/// would, so no caller (a simulation included) ever runs a world that the loader would refuse.
/// </summary>
internal static class ImportCheck
{
    public static void Verify(WorldDefinition world, string sourceName)
    {
        var result = WorldLoader.Load(WorldWriter.ToFiles(world));
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            var listed = string.Join("; ", errors.Take(5).Select(d => $"{d.Location}: {d.Message}"));
            throw new CharacterBoxImportException(sourceName,
                $"the imported world would not load ({errors.Count} error(s): {listed}); the file is unusual in a way the importer does not handle, please report it with the file");
        }
    }
}
