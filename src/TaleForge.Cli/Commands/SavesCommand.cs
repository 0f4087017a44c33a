using System.CommandLine;
using System.Globalization;
using TaleForge.Engine.Saves;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge saves</c>: the saved games, newest first, with where each stands.</summary>
internal static class SavesCommand
{
    public static Command Create()
    {
        var saves = new Option<string?>("--saves") { Description = "The saves folder (default as for play)." };
        var command = new Command("saves", "List saved games: name, world, where play stands, when.") { saves };
        command.SetAction(async (parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var library = SaveLibrary.Locate(parse.GetValue(saves));
            var list = library.List();
            if (list.Count == 0)
            {
                await output.WriteLineAsync($"No saved games in {library.Folder}.");
                return 0;
            }
            await output.WriteLineAsync($"Saved games in {library.Folder}:");
            foreach (var (name, snapshot, problem) in list)
            {
                var line = snapshot is null
                    ? $"  {name}: {problem}"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"  {name}: {snapshot.WorldTitle}, as {snapshot.Player ?? "observer"}, scene {snapshot.Scene} round {snapshot.Round}{(snapshot.Finished ? ", finished" : "")}, saved {snapshot.SavedAt.ToLocalTime():yyyy-MM-dd HH:mm}");
                await output.WriteLineAsync(line);
            }
            await output.WriteLineAsync("Continue one with: taleforge play --load NAME");
            return 0;
        });
        return command;
    }
}
