using TaleForge.Content.Library;
using TaleForge.Core;

namespace TaleForge.Content.Tests;

public sealed class WorldLibraryTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public WorldLibraryTests()
    {
        _folder.Write("checkout/worlds/alpha/world.yaml", "spec: taleforge/world@1\n");
        _folder.Write("checkout/worlds/greywick/world.yaml", "spec: taleforge/world@1\n");
        _folder.Write("checkout/worlds/not-a-world/readme.txt", "no world.yaml here");
        _folder.Write("checkout/src/deep/file.txt", "");
        _folder.Write("elsewhere/mine/beta/world.yaml", "spec: taleforge/world@1\n");
        _folder.Write("bin/app/taleforge.dll", "");
    }

    public void Dispose() => _folder.Dispose();

    private string In(string relative) => Path.Combine(_folder.Path, relative);

    [Fact]
    public void The_dir_option_wins_over_the_environment_and_the_current_folder()
    {
        var library = WorldLibrary.Locate(In("elsewhere/mine"), In("checkout/worlds"), In("checkout/src/deep"), In("bin/app"));

        Assert.Equal(In("elsewhere/mine"), library.Folder);
        Assert.Equal("--dir", library.FoundBy);
    }

    [Fact]
    public void The_environment_variable_wins_over_the_current_folder()
    {
        var library = WorldLibrary.Locate(null, In("elsewhere/mine"), In("checkout/src/deep"), In("bin/app"));

        Assert.Equal(In("elsewhere/mine"), library.Folder);
        Assert.Equal("TALEFORGE_WORLDS", library.FoundBy);
    }

    [Fact]
    public void Without_either_a_worlds_folder_is_found_walking_up_from_the_current_folder_then_from_the_executable()
    {
        var fromCurrent = WorldLibrary.Locate(null, null, In("checkout/src/deep"), In("bin/app"));
        var fromExecutable = WorldLibrary.Locate(null, "", In("bin/app"), In("checkout/src/deep"));

        Assert.Equal(In("checkout/worlds"), fromCurrent.Folder);
        Assert.Equal("found from the current folder", fromCurrent.FoundBy);
        Assert.Equal(In("checkout/worlds"), fromExecutable.Folder);
        Assert.Equal("found from the executable's folder", fromExecutable.FoundBy);
    }

    [Fact]
    public void A_missing_worlds_folder_is_a_user_error_that_says_how_to_name_one()
    {
        var e = Assert.Throws<TaleForgeException>(() => WorldLibrary.Locate(In("nowhere"), null, In("bin"), In("bin")));

        Assert.Equal($"the worlds folder '{In("nowhere")}' (from --dir) does not exist.", e.Message);
    }

    [Fact]
    public void Only_folders_holding_world_yaml_are_worlds_and_a_name_or_path_resolves_to_one()
    {
        var library = WorldLibrary.Locate(In("checkout/worlds"), null, In("bin"), In("bin"));

        Assert.Equal([In("checkout/worlds/alpha"), In("checkout/worlds/greywick")], library.Worlds());
        Assert.Equal(In("checkout/worlds/greywick"), library.Resolve(null));
        Assert.Equal(In("checkout/worlds/alpha"), library.Resolve("alpha"));
        Assert.Equal(In("elsewhere/mine/beta"), library.Resolve(In("elsewhere/mine/beta")));
        var e = Assert.Throws<TaleForgeException>(() => library.Resolve("gamma"));
        Assert.Equal($"there is no world 'gamma' in {In("checkout/worlds")} (worlds there: alpha, greywick); name one of them, or give the path of a world folder.", e.Message);
    }

    [Fact]
    public void The_default_world_is_one_of_the_sample_worlds_and_is_in_English()
    {
        var world = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, WorldLibrary.DefaultWorld));

        Assert.Equal("en", world.Info.Language);
    }
}
