using System.CommandLine;
using TaleForge.Cli.Models;
using TaleForge.Cli.Play;
using TaleForge.Cli.Presentation;
using TaleForge.CommandLine;
using TaleForge.Content.Library;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Tui;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge play [WORLD]</c>: play a world in the terminal as one of its characters (or watch, with --observe):
/// full screen on a terminal, line by line for pipes, scripts, TERM=dumb and --plain. With no model the characters speak their authored lines. Every turn is saved.
/// </summary>
internal static class PlayCommand
{
    public static Command Create()
    {
        var world = new Argument<string?>("world")
        {
            Description = $"A world's name in the worlds folder, or the path of a world folder. Default: {WorldLibrary.DefaultWorld}.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var playAs = new Option<string?>("--as") { Description = "The character to play (id or name). Default: the world's first playable character." }.NotBlank();
        var observe = new Option<bool>("--observe") { Description = "Play no one: watch the characters act." };
        var seed = new Option<long>("--seed") { Description = "Episode seed; the same seed replays the same way.", DefaultValueFactory = _ => 1 };
        var script = new Option<FileInfo?>("--script") { Description = "Read the player's commands from a file, one per line, instead of the keyboard." }.NotBlank();
        var noColor = new Option<bool>("--no-color") { Description = "No colours (also when NO_COLOR is set or output is not a terminal)." };
        var plain = new Option<bool>("--plain") { Description = "Play line by line instead of full screen (for screen readers; also with pipes, --script and TERM=dumb)." };
        var save = new Option<string?>("--save") { Description = "Name this game's save (default: the world and the time)." }.NotBlank();
        var load = new Option<string?>("--load") { Description = "Continue a copy of a named save (the save itself is kept as it is)." }.NotBlank();
        var resume = new Option<bool>("--continue") { Description = "Continue this world's most recent unfinished game where it stopped." };
        var noSave = new Option<bool>("--no-save") { Description = "Do not save this game." };
        var saves = new Option<string?>("--saves") { Description = $"The saves folder (default: {SaveLibrary.EnvironmentVariable}, else saves/ beside worlds/, else ~/.local/share/taleforge/saves)." }.NotBlank();
        var dir = WorldsDirectoryOption.Create();
        var models = new ModelOptions();

        var command = new Command("play", "Play a world in the terminal.") { world, playAs, observe, seed, script, noColor, plain, save, load, resume, noSave, saves, dir };
        models.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var console = output is TerminalWriter { IsConsole: true };
            var library = SaveLibrary.Locate(parse.GetValue(saves));

            // Everything that can be refused is refused before anything is written.
            var scriptFile = parse.GetValue(script);
            if (scriptFile is not null && !scriptFile.Exists)
            {
                throw OptionChecks.Usage($"the script file '{scriptFile.FullName}' does not exist.");
            }
            if (parse.GetValue(noSave) && (parse.GetValue(load) is not null || parse.GetValue(resume) || parse.GetValue(save) is not null))
            {
                throw OptionChecks.Usage("--no-save plays without writing a save, but --load, --continue and --save write one; drop one or the other.");
            }
            if (parse.GetValue(save) is { } saveName)
            {
                SaveLibrary.CheckNewName(saveName);
            }
            if (!parse.GetValue(noSave))
            {
                library.Prepare();
            }

            // A loaded save names its own world; otherwise the world comes from the command line.
            var loadName = parse.GetValue(load);
            var loading = loadName is null ? null : SavedGame.Open(library.Resolve(loadName));
            var opened = loading is null ? ResolveWorld(parse.GetValue(world), parse.GetValue(dir)).Open() : SavedPlay.WorldOf(loading);
            var definition = opened.Definition;
            var player = loading is not null ? loading.Header.Player
                : parse.GetValue(observe) ? null
                : ChoosePlayer(definition, parse.GetValue(playAs));

            var saving = !parse.GetValue(noSave);

            // The game both views play: the cast loaded (told to progress), then the save continued or begun.
            async Task<OpenedGame> OpenAsync(ILoadProgress progress, CancellationToken token)
            {
                var cast = await models.CastAsync(parse, definition, player, progress, token);
                try
                {
                    var saved = new SavedPlay(library, cast, player);
                    if (loadName is not null)
                    {
                        var (session, slot, warnings) = saved.Load(loadName, opened);
                        return new OpenedGame(cast, saved, session, slot, warnings);
                    }
                    if (parse.GetValue(resume))
                    {
                        var newest = saved.Newest(definition.Info.Id)
                            ?? throw new TaleForgeException($"there is no unfinished game of '{definition.Info.Id}' in {library.Folder} to continue; start one with 'taleforge play {definition.Info.Id}'.");
                        var (session, slot, warnings) = saved.Continue(newest, opened);
                        return new OpenedGame(cast, saved, session, slot, warnings);
                    }
                    if (!saving)
                    {
                        return new OpenedGame(cast, saved, new GameSession(definition, cast.Cast, saved.Spec(opened, parse.GetValue(seed)).SessionOptions()), null, []);
                    }
                    var (started, startedSlot) = saved.Start(opened, parse.GetValue(seed), parse.GetValue(save));
                    return new OpenedGame(cast, saved, started, startedSlot, []);
                }
                catch
                {
                    await cast.DisposeAsync();
                    throw;
                }
            }

            if (scriptFile is null && !parse.GetValue(plain) && console && FullScreenGame.CanRun())
            {
                // The screen opens at once and shows the models loading; the game follows once they have.
                using var gate = new ScreenGate(cancellation);
                var activity = new ModelActivity();
                await using var starts = new ScreenGameStarts(
                    WorldLibrary.Locate(parse.GetValue(dir)),
                    (world, character, token) => models.CastAsync(parse, world, character, new ScreenLoadProgress(activity), token),
                    library,
                    saving,
                    parse.GetValue(seed));
                OpenedGame? game = null;
                PlayController? screenController = null;
                try
                {
                    FullScreenGame.Run(definition.Info, activity, async token =>
                    {
                        game = await OpenAsync(new ScreenLoadProgress(activity), token);
                        screenController = new PlayController(game.Session, game.Setup(gate, saving));
                        var loaded = game.Cast.Models;
                        return new PreparedPlay(new ScreenPlay(screenController, loaded.IsEmpty ? null : activity), new ScreenOptions
                        {
                            Saves = saving ? library : null,
                            Model = loaded.IsEmpty ? null : string.Join(", ", loaded.Select(m => m.File).Distinct()),
                            Gate = gate,
                            ConfigPath = models.ConfigPath(parse),
                            Activity = loaded.IsEmpty ? null : activity,
                            Starts = starts,
                        });
                    }, cancellation);
                }
                finally
                {
                    screenController?.Dispose();
                    if (game is not null)
                    {
                        await game.DisposeAsync();
                    }
                }
                return 0;
            }
            var style = console ? TerminalStyle.Detect(parse.GetValue(noColor)) : TerminalStyle.Plain;
            var printer = new StoryPrinter(output, style, player);
            await using var lineGame = await OpenAsync(new ProgressLine(error), cancellation);
            using var input = scriptFile is null ? null : OpenScript(scriptFile);
            using var interrupt = new GenerationInterrupt(cancellation, listenToConsole: console);
            using var controller = new PlayController(lineGame.Session, lineGame.Setup(interrupt, saving));
            // Lines pasted into a terminal arrive together; they are sent as one message.
            Func<bool>? pasted = input is null && console && !Console.IsInputRedirected ? () => Console.KeyAvailable : null;
            var loop = new PlayLoop(input ?? Console.In, output, printer, echoInput: input is not null, pasted) { Interrupt = console ? interrupt : null };
            await loop.RunAsync(controller, cancellation);
            // A script that runs out before the story ends is told apart from one that plays it through (world
            // regression tests); a script that quits on purpose has ended as it meant to.
            return input is not null && loop.InputRanOut && !controller.StoryOver ? StoryNotEnded : 0;
        });
        return command;
    }

    /// <summary>The exit code of <c>play --script</c> when the script ran out before the story ended (and did not /quit).</summary>
    public const int StoryNotEnded = 3;

    /// <summary>A world folder, world file or CharacterBox file (FILE.json#scene=ID for one scene) by path, else a world of the library by name.</summary>
    internal static WorldSource ResolveWorld(string? name, string? dir) =>
        name is not null && WorldSource.Parse(name) is { Exists: true } source ? source : WorldSource.At(WorldLibrary.Locate(dir).Resolve(name));

    private static string ChoosePlayer(WorldDefinition world, string? requested)
    {
        if (requested is null)
        {
            return world.Characters.FirstOrDefault(c => c.Player)?.Id
                ?? throw new TaleForgeException($"the world '{world.Info.Id}' has no playable character; pass --as CHARACTER, or --observe to watch.");
        }
        var match = world.Characters.FirstOrDefault(c => c.Id == requested || string.Equals(c.Name, requested, StringComparison.OrdinalIgnoreCase))
            ?? world.Characters.FirstOrDefault(c => c.Name.Split(' ')[0].Equals(requested, StringComparison.OrdinalIgnoreCase));
        return match?.Id ?? throw new TaleForgeException(
            $"the world '{world.Info.Id}' has no character '{requested}'; its characters are {string.Join(", ", world.Characters.Select(c => c.Id))}.");
    }

    private static StreamReader OpenScript(FileInfo file) =>
        file.Exists ? new StreamReader(file.FullName) : throw new TaleForgeException($"the script file '{file.FullName}' does not exist.");
}
