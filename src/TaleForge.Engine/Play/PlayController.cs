using TaleForge.Core;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Play.Messages;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Inference.Streaming;

namespace TaleForge.Engine.Play;

/// <summary>
/// Play as any view drives it: the view hands over what the player typed, and shows the story
/// (<see cref="EventApplied"/>) and the game's own lines (<see cref="Message"/>) as they come. The controller
/// reads the line, answers questions through the story's own events, takes turns, and carries out /undo, /redo,
/// /retry, /save, /load, /help and /quit; it offers what the player can see (<see cref="View"/>) and could type
/// (<see cref="Completions"/>) without changing anything, all in the world's language. Line mode is one view of
/// it; a full-screen game is another.
/// </summary>
public sealed class PlayController : IDisposable
{
    private readonly PlaySetup _setup;
    private GameSession _session = null!;
    private SaveSlot? _slot;
    private PlayerInputParser _parser = null!;
    private CharacterTurn? _lastTurn;

    public PlayController(GameSession session, PlaySetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        _setup = setup ?? new PlaySetup();
        Switch(session, _setup.Slot);
    }

    /// <summary>The story, as each event is applied, in whichever session is being played (a /load switches it).</summary>
    public event EventHandler<AppliedEvent>? EventApplied;

    /// <summary>The game's own lines: the opening, help, confirmations and refusals of meta commands.</summary>
    public event EventHandler<InterfaceMessage>? Message;

    /// <summary>What the models write as they write it (a character's line, the narration), before the event is applied.</summary>
    public event EventHandler<StreamedText>? TextStreamed;

    public GameSession Session => _session;

    /// <summary>The save being played into; null when the game is not saved.</summary>
    public SaveSlot? Slot => _slot;

    /// <summary>The interface's words in the world's language.</summary>
    public InterfaceText Text { get; private set; } = InterfaceText.English;

    /// <summary>The character the player plays; null in observer mode.</summary>
    public string? Player => _session.Cast.Player;

    /// <summary>Play has stopped for the player to type; false once the story is over or when only watching.</summary>
    public bool WaitsForPlayer => _session.AwaitingPlayer;

    /// <summary>Says how the game begins (title, mode, warnings, who the player is, where it saves), then runs the story to the player's turn.</summary>
    public async Task StartAsync(CancellationToken cancellation = default)
    {
        var world = _session.State.World;
        Say(world.Info.Title, MessageKind.Heading);
        if (_session.Cast.IsAuthored)
        {
            Say(Text.AuthoredMode);
        }
        else if (!_setup.Models.IsEmpty)
        {
            Say(Text.PlayedBy(_setup.Models, id => world.FindCharacter(id)?.Name ?? id));
        }
        foreach (var warning in _setup.Warnings)
        {
            Say(warning, MessageKind.Warning);
        }
        if (Player is { } player)
        {
            Say(Text.YouAre(world.Character(player).Name));
        }
        if (_slot is not null && _setup.Saves is { } saves)
        {
            Say(Text.SavingEveryTurn(_slot.Name, saves.Folder));
        }
        await AdvanceAsync(_session.RunAsync, cancellation);
    }

    /// <summary>Acts on one line the player typed; false when the player quits.</summary>
    public async Task<bool> HandleAsync(string line, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        switch (_parser.Parse(line))
        {
            case PlayerInput.Empty:
                return true;
            case PlayerInput.Meta meta:
                return await MetaAsync(meta, cancellation);
            case PlayerInput.Ask when !WaitsForPlayer:
            case PlayerInput.Turn when !WaitsForPlayer:
                Say(Text.NotYourTurn, MessageKind.Warning);
                return true;
            case PlayerInput.Ask ask:
                // The answer reaches the view as an event the player notices, like everything else they perceive.
                _session.Ask(Player!, ask.Query);
                return true;
            case PlayerInput.Turn turn:
                _lastTurn = turn.Decision;
                await AdvanceAsync(token => _session.SubmitAsync(turn.Decision, token), cancellation);
                return true;
            default:
                return true;
        }
    }

    /// <summary>Input ran out (the end of a script, Ctrl-D): says so, and where the game is kept.</summary>
    public void EndOfInput() => Say(Text.EndOfInput(_slot?.Name));

    /// <summary>What the player's character can see now; null in observer mode. Changes nothing.</summary>
    public PlayerView? View() => Player is { } player ? PlayerView.Of(_session.State, player) : null;

    /// <summary>The commands the player could type now that begin with <paramref name="typed"/>, in the world's language. Changes nothing.</summary>
    public IReadOnlyList<string> Completions(string typed = "")
    {
        ArgumentNullException.ThrowIfNull(typed);
        var all = Player is { } player ? CompletionCandidates.For(_session.State, player, Text) : InterfaceText.MetaCommands;
        return [.. all.Where(c => c.StartsWith(typed.TrimStart(), StringComparison.OrdinalIgnoreCase))];
    }

    private async Task<bool> MetaAsync(PlayerInput.Meta meta, CancellationToken cancellation)
    {
        switch (meta.Command)
        {
            case MetaCommand.Quit:
                Say(Text.Goodbye(_slot?.Name));
                return false;
            case MetaCommand.Help:
                Say(Text.Help);
                break;
            case MetaCommand.Undo:
                Say(_session.Undo() ? Text.Undone : Text.NothingToUndo);
                break;
            case MetaCommand.Redo:
                Say(_session.Redo() ? Text.Redone : Text.NothingToRedo);
                break;
            case MetaCommand.Retry:
                await RetryAsync(cancellation);
                break;
            case MetaCommand.Save:
                Save(meta.Argument);
                break;
            case MetaCommand.Load:
                Load(meta.Argument);
                break;
            default:
                Say(Text.UnknownCommand(meta.Argument), MessageKind.Warning);
                break;
        }
        return true;
    }

    /// <summary>Plays the last turn again from the same point; the first outcome stays in the record as a branch.</summary>
    private async Task RetryAsync(CancellationToken cancellation)
    {
        if (_lastTurn is not { } last || !_session.Undo())
        {
            Say(Text.NothingToRetry);
            return;
        }
        Say(Text.Retrying);
        await AdvanceAsync(token => _session.SubmitAsync(last, token), cancellation);
    }

    private void Save(string name)
    {
        if (_setup.Saves is not { } saves || _slot is null)
        {
            Say(Text.SavingIsOff, MessageKind.Warning);
            return;
        }
        if (name.Length == 0)
        {
            Say(Text.SavedAlready(_slot.Name));
            return;
        }
        try
        {
            Say(Text.SavedAs(saves.Keep(_slot, name), _slot.Name));
        }
        catch (TaleForgeException e)
        {
            Say(e.Message, MessageKind.Warning);
        }
    }

    private void Load(string name)
    {
        if (_setup.Saves is not { } saves)
        {
            Say(Text.LoadingIsOff, MessageKind.Warning);
            return;
        }
        if (name.Length == 0)
        {
            Say(Text.NameTheSave);
            return;
        }
        LoadedGame loaded;
        try
        {
            loaded = saves.Load(name);
        }
        catch (TaleForgeException e)
        {
            Say(e.Message, MessageKind.Warning);
            return;
        }
        foreach (var warning in loaded.Warnings)
        {
            Say(warning, MessageKind.Warning);
        }
        Switch(loaded.Session, loaded.Slot);
        Say(Text.Loaded(name, loaded.Slot.Name));
        if (Player is { } player)
        {
            _session.Ask(player, new Query.Look());
        }
    }

    private void Switch(GameSession session, SaveSlot? slot)
    {
        if (_session is not null)
        {
            _session.EventAppended -= OnEventAppended;
        }
        if (!ReferenceEquals(_slot, slot))
        {
            _slot?.Dispose();
        }
        _session = session;
        _slot = slot;
        var language = session.State.World.Info.Language;
        Text = InterfaceText.For(language);
        _parser = new PlayerInputParser(Core.Phrasing.Phrasebook.For(language));
        _lastTurn = null;
        session.EventAppended += OnEventAppended;
    }

    private void OnEventAppended(object? sender, AppliedEvent applied) => EventApplied?.Invoke(this, applied);

    /// <summary>
    /// Runs the story on; a generation the player stops returns to their turn with nothing of it kept (a branch
    /// in the record), while a game that is closing is left as it was.
    /// </summary>
    private async Task AdvanceAsync(Func<CancellationToken, Task> step, CancellationToken cancellation)
    {
        // Replies stream only while a view listens; otherwise each arrives whole, as it always has.
        using var listening = TextStreamed is null ? null : ReplyTextListener.Listen(text => TextStreamed?.Invoke(this, text));
        if (_setup.Gate is not { } gate)
        {
            await step(cancellation);
            return;
        }
        var token = gate.Begin();
        try
        {
            await step(token);
        }
        catch (OperationCanceledException) when (!gate.Quitting)
        {
            _session.Rewind();
            Say(Text.Stopped);
        }
        finally
        {
            gate.End();
        }
    }

    private void Say(string text, MessageKind kind = MessageKind.Info) => Message?.Invoke(this, new InterfaceMessage(text, kind));

    public void Dispose()
    {
        _session.EventAppended -= OnEventAppended;
        _slot?.Dispose();
    }
}
