using System.Collections.Immutable;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// The ids an imported scene and its location get: the scene's own id when it makes an ASCII id that starts
/// with a letter ("harbour"), otherwise "scene-" before it ("scene-0", CharacterBox's usual numbers) or before
/// the scene's place in the file (an id in Chinese); the location is "scene-..." as well, so it reads as the
/// scene's place.
/// </summary>
internal sealed record SceneIds(string Scene, string Location)
{
    public static ImmutableArray<SceneIds> For(ImmutableArray<SourceScene> scenes)
    {
        var sceneIds = new IdAllocator();
        var locationIds = new IdAllocator();
        return [.. scenes.Select(scene =>
        {
            var slug = AsciiId.Slug(scene.Id);
            var id = sceneIds.Claim(slug.Length == 0 ? $"scene-{scene.Position}" : char.IsAsciiLetter(slug[0]) ? slug : $"scene-{slug}");
            return new SceneIds(id, locationIds.Claim(id.StartsWith("scene-", StringComparison.Ordinal) ? id : $"scene-{id}"));
        })];
    }
}
