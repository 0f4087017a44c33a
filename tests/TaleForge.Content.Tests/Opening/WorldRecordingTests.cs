using TaleForge.Content.Opening;
using TaleForge.Core;

namespace TaleForge.Content.Tests.Opening;

/// <summary>Finding the world a recording was played in: as recorded, beside the recording, or where the user says.</summary>
public sealed class WorldRecordingTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private static string English => Path.Combine(AppContext.BaseDirectory, "CharacterBox", "salt-and-lanterns.json");

    public void Dispose() => _folder.Dispose();

    /// <summary>A copy of the English work in the temporary folder, and a recording beside it that names one of its scenes.</summary>
    private (string Work, WorldRecording Recording) SceneRecording(string recordedSource)
    {
        var work = _folder.Write("works/tides.json", File.ReadAllText(English));
        var opened = WorldSource.SceneOf(work, "1").Open();
        var recording = new WorldRecording(Path.Combine(_folder.Path, "runs", "episode.jsonl"), opened.Definition.Info.Id, recordedSource, opened.Hash);
        return (work, recording);
    }

    [Fact]
    public void The_recorded_source_opens_the_recorded_scene_with_its_hash()
    {
        var (work, recording) = SceneRecording(Path.Combine(_folder.Path, "works", "tides.json") + "#scene=1");

        var opened = recording.Open();

        Assert.Equal(work, opened.Source.Path);
        Assert.Equal(["scene-1"], opened.Definition.Scenes.Select(s => s.Id));
        Assert.Equal(recording.Hash, opened.Hash);
    }

    [Fact]
    public void A_relative_source_is_found_beside_the_recording()
    {
        var (work, recording) = SceneRecording("../works/tides.json#scene=1");

        var opened = recording.Open();

        Assert.Equal(Path.GetFullPath(work), Path.GetFullPath(opened.Source.Path));
        Assert.Equal("1", opened.Source.Scene);
    }

    [Fact]
    public void A_moved_source_is_found_with_the_override_which_keeps_the_recorded_scene()
    {
        var (work, recording) = SceneRecording(Path.Combine(_folder.Path, "works", "tides.json") + "#scene=1");
        var moved = Path.Combine(_folder.Path, "archive", "tides.json");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.Move(work, moved);

        var lost = Assert.Throws<TaleForgeException>(() => recording.Open());
        var found = recording.Open(instead: moved);

        Assert.Contains($"was loaded from '{work}', which does not exist here; pass the world's folder (or CharacterBox scene file) with --world.", lost.Message, StringComparison.Ordinal);
        Assert.Equal((moved, "1"), (found.Source.Path, found.Source.Scene));
        Assert.Equal(recording.Hash, found.Hash);
    }

    [Fact]
    public void A_hash_mismatch_names_the_recording_and_the_world_source_and_says_what_to_do()
    {
        var (work, recording) = SceneRecording(Path.Combine(_folder.Path, "works", "tides.json") + "#scene=1");
        File.WriteAllText(work, File.ReadAllText(work).Replace("Soaked through and impatient", "Dry and patient", StringComparison.Ordinal));

        var error = Assert.Throws<TaleForgeException>(() => recording.Open());

        Assert.StartsWith($"the world at {work}#scene=1 is not the one {recording.File} was played in: its content hash is sha256:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the recording's is {recording.Hash}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("restore it as it was, or pass --world PATH to a copy of that version.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_characterbox_path_of_an_older_recording_opens_the_scene_whose_import_has_the_recorded_hash()
    {
        var (work, recording) = SceneRecording("");
        var older = recording with { Source = work };

        var opened = older.Open();

        Assert.Equal(["scene-1"], opened.Definition.Scenes.Select(s => s.Id));
        Assert.Equal(recording.Hash, opened.Hash);
    }

    /// <summary>The hash a recording made before world ids carried a digest holds: the import under its bare slug id.</summary>
    private static string PreviousSchemeHash(string work, string? scene, string previousId)
    {
        var world = Importers.CharacterBox.CharacterBoxImporter.Load(work, scene);
        return WorldHash.Of(world with { Info = world.Info with { Id = previousId } });
    }

    [Fact]
    public void A_recording_made_when_characterbox_world_ids_were_bare_slugs_opens_under_that_id()
    {
        var work = _folder.Write("works/tides.json", File.ReadAllText(English));
        var recording = new WorldRecording(Path.Combine(_folder.Path, "runs", "episode.jsonl"), "salt-and-lanterns",
            work + "#scene=1", PreviousSchemeHash(work, "1", "salt-and-lanterns"));

        var opened = recording.Open();

        Assert.Matches("^salt-and-lanterns-[0-9a-f]{8}$", WorldSource.SceneOf(work, "1").Open().Definition.Info.Id);
        Assert.Equal("salt-and-lanterns", opened.Definition.Info.Id);
        Assert.Equal(recording.Hash, opened.Hash);
        Assert.Equal(["scene-1"], opened.Definition.Scenes.Select(s => s.Id));
    }

    [Fact]
    public void A_bare_path_recorded_with_a_bare_slug_id_opens_the_scene_played()
    {
        var work = _folder.Write("works/tides.json", File.ReadAllText(English));
        var recording = new WorldRecording(Path.Combine(_folder.Path, "runs", "episode.jsonl"), "salt-and-lanterns",
            work, PreviousSchemeHash(work, "0", "salt-and-lanterns"));

        var opened = recording.Open();

        Assert.Equal(("salt-and-lanterns", "scene-0"), (opened.Definition.Info.Id, opened.Source.Scene));
        Assert.Equal(recording.Hash, opened.Hash);
    }

    [Fact]
    public void A_previous_scheme_import_of_an_edited_file_is_still_refused()
    {
        var work = _folder.Write("works/tides.json", File.ReadAllText(English));
        var recording = new WorldRecording(Path.Combine(_folder.Path, "runs", "episode.jsonl"), "salt-and-lanterns",
            work + "#scene=1", PreviousSchemeHash(work, "1", "salt-and-lanterns"));
        File.WriteAllText(work, File.ReadAllText(work).Replace("Soaked through and impatient", "Dry and patient", StringComparison.Ordinal));

        var error = Assert.Throws<TaleForgeException>(() => recording.Open());

        Assert.Contains($"is not the one {recording.File} was played in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_override_option_a_missing_world_says_to_put_it_back()
    {
        var recording = new WorldRecording(Path.Combine(_folder.Path, "save", "trajectory.jsonl"), "greywick", "/nowhere/greywick", "sha256:00");

        var error = Assert.Throws<TaleForgeException>(() => recording.Open(option: null));

        Assert.EndsWith("was loaded from '/nowhere/greywick', which does not exist here; put the world back there to continue.", error.Message, StringComparison.Ordinal);
    }
}
