using TaleForge.Core.Events;
using TaleForge.Engine.Play;
using TaleForge.Tui.Dialogs;
using TaleForge.Tui.Screen;
using TaleForge.Tui.Story;

namespace TaleForge.Tui;

/// <summary>
/// The full-screen game's side of the <see cref="PlayController"/>: it hands over what the player typed, keeps
/// the story the controller reports in a <see cref="StoryLog"/>, remembers the places the player has been (for
/// the map) and whether a turn is running. Drawing is left to the screen, which reads this on its own thread.
/// </summary>
public sealed class ScreenPlay
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<string> _visitOrder = [];
    private readonly List<string> _endings = [];
    private readonly GrowingReply _growing;

    /// <param name="activity">Where the screen reads which character's model is deciding; null when no model plays.</param>
    public ScreenPlay(PlayController controller, ModelActivity? activity = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        Controller = controller;
        _growing = new GrowingReply(id => controller.Session.State.World.FindCharacter(id)?.Name ?? id);
        // Text is shown as it is generated, until the event it becomes is applied.
        controller.TextStreamed += (_, text) => Log.Provide(_growing.Add(text));
        // A character's call runs from its thinking notice until the next story event.
        controller.Thinking += (_, notice) => activity?.Think(notice.Name);
        controller.Arrived += (_, arrival) =>
        {
            for (var i = 0; i < arrival.Lines.Length; i++)
            {
                Log.Append(new StoryLine(arrival.Lines[i], i == 0 ? StoryTone.Heading : StoryTone.Plain));
            }
        };
        controller.EventApplied += (_, applied) =>
        {
            activity?.Think(null);
            Settle();
            if (StoryTelling.Of(applied, controller.Player) is { } line)
            {
                Log.Append(line);
                if (applied.Event is WorldEvent.SceneEnded or WorldEvent.StoryEnded)
                {
                    lock (_endings)
                    {
                        _endings.Add(line.Text);
                    }
                }
            }
            Visit();
        };
        // Help typed here tells this screen's keys, not line mode's.
        controller.Message += (_, message) => Log.Append(StoryTelling.Of(message.Text == controller.Text.Help
            ? message with { Text = ScreenHelp.Text(controller.Text.Commands, ScreenWords.For(controller.Session.State.World.Info.Language)) }
            : message));
        Visit();
    }

    public PlayController Controller { get; }

    public StoryLog Log { get; } = new();

    /// <summary>The turn being played, if one is; the screen shows it is busy until it ends.</summary>
    public Task? Running { get; private set; }

    public bool Busy => Running is { IsCompleted: false };

    /// <summary>The player quit (/quit, or the quit dialog).</summary>
    public bool Quit { get; private set; }

    /// <summary>Location ids the player's character has stood in, first visit first.</summary>
    public IReadOnlyList<string> Visited
    {
        get
        {
            lock (_visited)
            {
                return [.. _visitOrder];
            }
        }
    }

    /// <summary>How the scenes and the story ended, as the player read it: what the ending screen recalls.</summary>
    public IReadOnlyList<string> Endings
    {
        get
        {
            lock (_endings)
            {
                return [.. _endings];
            }
        }
    }

    public bool StoryOver => Controller.Session.State.IsOver;

    public Task StartAsync(CancellationToken cancellation = default) => Track(Controller.StartAsync(cancellation));

    /// <summary>Plays one typed line; the player's line is echoed into the story first. Ignored while a turn runs.</summary>
    public Task SubmitAsync(string line, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Busy)
        {
            return Running!;
        }
        if (line.Trim().Length > 0)
        {
            Log.Append(new StoryLine($"> {line}", StoryTone.Player));
        }
        return Track(HandleAsync(line, cancellation));
    }

    /// <summary>
    /// Makes another way the last turn went the one played (<paramref name="position"/>: where play came back to the
    /// player on it; null when it never did, which the controller says). Only between turns.
    /// </summary>
    public bool ContinueFrom(long? position) => !Busy && Controller.ContinueFrom(position);

    /// <summary>
    /// Starts a new game of <paramref name="world"/> as <paramref name="character"/> in place of this one (which
    /// stays saved as it was); the story pane goes on below what was played. Ignored while a turn runs.
    /// </summary>
    public Task NewGameAsync(IGameStarts starts, WorldOffer world, string character, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(character);
        return Busy ? Running! : Track(BeginAsync(starts, world, character, cancellation));
    }

    /// <summary>
    /// Quits, also while a turn runs: <paramref name="stop"/> stops that turn first (as Esc does, nothing of it
    /// kept) and the game says goodbye once it has ended. Every turn before it is already saved.
    /// </summary>
    public Task QuitAsync(Action stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var running = Running;
        if (running is { IsCompleted: false })
        {
            stop();
        }
        Log.Append(new StoryLine("> /quit", StoryTone.Player));
        return Track(QuitAfterAsync(running));
    }

    private async Task QuitAfterAsync(Task? running)
    {
        if (running is not null)
        {
            // However the stopped turn ended, the game is left.
            await running.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        await HandleAsync("/quit", CancellationToken.None);
    }

    private async Task BeginAsync(IGameStarts starts, WorldOffer world, string character, CancellationToken cancellation)
    {
        NewGame game;
        try
        {
            game = await starts.StartAsync(world, character, cancellation);
        }
        catch (Core.TaleForgeException e)
        {
            Log.Append(new StoryLine(e.Message, StoryTone.Refusal));
            return;
        }
        lock (_visited)
        {
            _visited.Clear();
            _visitOrder.Clear();
        }
        lock (_endings)
        {
            _endings.Clear();
        }
        await Controller.BeginAsync(game, cancellation);
    }

    private async Task HandleAsync(string line, CancellationToken cancellation)
    {
        if (!await Controller.HandleAsync(line, cancellation))
        {
            Quit = true;
        }
    }

    private Task Track(Task task)
    {
        var tracked = SettledAfter(task);
        Running = tracked;
        return tracked;
    }

    /// <summary>A turn that ends (or is stopped) leaves no half-written line behind.</summary>
    private async Task SettledAfter(Task task)
    {
        try
        {
            await task;
        }
        finally
        {
            Settle();
        }
    }

    private void Settle()
    {
        _growing.Clear();
        Log.Provide(null);
    }

    private void Visit()
    {
        if (Controller.Player is not { } player)
        {
            return;
        }
        var here = Controller.Session.State.Character(player).Location;
        lock (_visited)
        {
            if (_visited.Add(here))
            {
                _visitOrder.Add(here);
            }
        }
    }
}
