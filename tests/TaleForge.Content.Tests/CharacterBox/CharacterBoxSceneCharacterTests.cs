namespace TaleForge.Content.Tests.CharacterBox;

/// <summary>A one-scene import describes its people as that scene does, not as the first scene that shows them.</summary>
public class CharacterBoxSceneCharacterTests
{
    [Fact]
    public void Each_scene_s_import_gives_mara_that_scene_s_description_position_and_state()
    {
        var first = Fixtures.ImportEnglish("0").Character("mara-quill");
        var second = Fixtures.ImportEnglish("1").Character("mara-quill");

        Assert.StartsWith("The harbour master of Port Wren, sharp-eyed and stubborn", first.Description, StringComparison.Ordinal);
        Assert.Equal("Standing behind her desk, one hand on the lid of the open strongbox", first.Start.Position);
        Assert.Equal("Tired and furious, her sleeves still damp from the rain", first.Start.State);
        Assert.Equal("scene-0", first.Start.Location);
        Assert.Equal("The harbour master of Port Wren, out of breath from the long walk along the breakwater.", second.Description);
        Assert.Equal("At the foot of the light tower, lantern in hand", second.Start.Position);
        Assert.Equal("Soaked through and impatient", second.Start.State);
        Assert.Equal("scene-1", second.Start.Location);
    }
}
