using TaleForge.Core;
using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Play.Messages;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
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
    private (PlayerInput Input, string Line)? _last;
    private TurnCheck.Question? _pending;
    // The player stopped a generation before the story reached their turn (during the opening, say): there is no
    // turn of theirs to go back to, so the story waits here and goes on with their next line.
    private bool _stoppedBeforeTurn;
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private bool _endingShown;
    // Whose turn the narrator is telling now: its streamed narration is heard only where that character stands.
    private string? _actor;

    public PlayController(GameSession session, PlaySetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        _setup = setup ?? new PlaySetup();
        Switch(session, _setup.Slot);
    }

    /// <summary>The story, as each event is applied, in whichever session is being played (a /load switches it).</summary>
    public event EventHandler<AppliedEvent>? EventApplied;

    /// <summary>The game's own lines: the opening, help, confirmations, questions ("Take what?") and refusals that cost no turn.</summary>
    public event EventHandler<InterfaceMessage>? Message;

    /// <summary>The player arrived somewhere: the place in full the first time (or in verbose mode), briefly after.</summary>
    public event EventHandler<Arrival>? Arrived;

    /// <summary>The story has ended: the ending screen's content. Play stays open for undo, restart and load.</summary>
    public event EventHandler<StoryEnding>? Ended;

    /// <summary>A character played by a model has begun deciding: "Maud is thinking…", until the next story event.</summary>
    public event EventHandler<ThinkingNotice>? Thinking;

    /// <summary>What each turn cost (time, model calls, tokens); shown as a line too while /timing is on.</summary>
    public event EventHandler<TurnTiming>? TurnTimed;

    /// <summary>Every place is described in full on arrival (<c>verbose</c>), not only the first time (<c>brief</c>).</summary>
    public bool Verbose { get; private set; }

    /// <summary>Each turn's time and tokens per second are told (<c>/timing</c>).</summary>
    public bool ShowsTiming { get; private set; }

    /// <summary>The question the game is waiting to have answered ("Which do you mean: …?"); null when none.</summary>
    public string? Question => _pending?.Text;

    /// <summary>The story has ended; the ending screen is showing and only undo, restart, load and quit remain.</summary>
    public bool StoryOver => _session.State.IsOver;

    /// <summary>The view should read another line: the player's turn, or the ending screen.</summary>
    public bool AcceptsInput => WaitsForPlayer || (StoryOver && Player is not null) || _stoppedBeforeTurn;

    /// <summary>
    /// What the models write as they write it (a character's line, the narration), before the event is applied;
    /// only what the player would perceive: a character's words where the player stands, the narration of a turn
    /// taken there. The finished event follows (or, for a reply that was refused, nothing does).
    /// </summary>
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
    public Task StartAsync(CancellationToken cancellation = default) => OpenAsync(_setup.Warnings, cancellation);

    private async Task OpenAsync(IReadOnlyList<string> warnings, CancellationToken cancellation)
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
        foreach (var warning in warnings)
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
        await TimedAsync(_session.RunAsync, cancellation);
    }

    /// <summary>
    /// Plays a new game from here on (picked in a new-game dialog): the game played so far is left as it was saved,
    /// and the new one begins as a game begins, with its warnings, in its world's language.
    /// </summary>
    public async Task BeginAsync(NewGame game, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(game);
        Switch(game.Session, game.Slot);
        await OpenAsync(game.Warnings, cancellation);
    }

    /// <summary>Acts on one line the player typed; false when the player quits.</summary>
    public async Task<bool> HandleAsync(string line, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        // A question the game asked reads the answer first; an answer that fits nothing is a new command.
        var pending = _pending;
        _pending = null;
        var input = (pending is not null && line.Trim().Length > 0 ? pending.Answer(line) : null) ?? _parser.Parse(line);
        // again repeats what was done in the story (an answered question as answered), not the game's own commands.
        if (input is not PlayerInput.Meta and not PlayerInput.Empty and not PlayerInput.Incomplete)
        {
            _last = (input, line);
        }
        return await HandleAsync(input, line, cancellation);
    }

    private async Task<bool> HandleAsync(PlayerInput input, string line, CancellationToken cancellation)
    {
        if (_stoppedBeforeTurn && input is not PlayerInput.Meta)
        {
            // Enter, or a command, lets the story go on to the player's turn; the command is then played there.
            _stoppedBeforeTurn = false;
            await TimedAsync(_session.RunAsync, cancellation);
            if (input is PlayerInput.Empty || !WaitsForPlayer)
            {
                return true;
            }
        }
        switch (input)
        {
            case PlayerInput.Empty:
                return true;
            case PlayerInput.Meta meta:
                return await MetaAsync(meta, cancellation);
            case PlayerInput.Ask or PlayerInput.Turn or PlayerInput.Incomplete or PlayerInput.Everything when !WaitsForPlayer:
                Say(StoryOver && Player is not null ? Text.AfterTheEnd : Text.NotYourTurn, MessageKind.Warning);
                return true;
            case PlayerInput.Incomplete incomplete:
                Ask(Text.WhatTo(incomplete.Verb), answer => CompleteOrCommand(incomplete.Verb, answer));
                return true;
            case PlayerInput.Ask ask:
                Answer(ask.Query);
                return true;
            case PlayerInput.Everything everything:
                await EverythingAsync(everything.Take, cancellation);
                return true;
            case PlayerInput.Turn turn:
                await PlayAsync(turn, line, cancellation);
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// The answer to "Take what?": a noun completes the verb, but an answer that is a command of its own
    /// ("拿 油灯", "look") is played as typed rather than read as the name of a thing.
    /// </summary>
    private PlayerInput CompleteOrCommand(MissingNoun verb, string answer) =>
        _parser.Parse(answer) is var alone and not (PlayerInput.Turn { FreeAction: not null } or PlayerInput.Empty)
            ? alone
            : _parser.Parse(Complete(verb, answer));

    /// <summary>A bare verb with the answer to "what?" put after it, as the player would have typed it.</summary>
    private string Complete(MissingNoun verb, string answer) => verb switch
    {
        MissingNoun.Take => Text.Take(answer.Trim()),
        MissingNoun.Drop => Text.Drop(answer.Trim()),
        MissingNoun.Examine => Text.Examine(answer.Trim()),
        MissingNoun.Go => Text.Go(answer.Trim()),
        MissingNoun.TalkTo => Text.TalkTo(answer.Trim()),
        _ => answer,
    };

    private void Ask(string question, Func<string, PlayerInput?> answer)
    {
        _pending = new TurnCheck.Question(question, answer);
        Say(question);
    }

    private TurnCheck Check() => new(_session.State, Player!, Text, _parser);

    /// <summary>Look, examine, inventory: answered through the story's own events, costing no turn.</summary>
    private void Answer(Query query)
    {
        var player = Player!;
        if (query is Query.Examine examine)
        {
            if (PlayerInputParser.IsSelf(examine.Target))
            {
                query = new Query.Examine(player);
            }
            else if (Check().Ambiguity(examine) is TurnCheck.Verdict.Asks which)
            {
                Ask(which.Question.Text, which.Question.Answer);
                return;
            }
        }
        // The answer reaches the view as an event the player notices, like everything else they perceive.
        var answer = _session.Ask(player, query);
        if (query is Query.Examine unseen && answer == Text.Phrases.CannotSee(unseen.Target)
            && Check().NearestName(unseen.Target) is { } near)
        {
            Say(Text.DidYouMeanName(near));
        }
    }

    /// <summary>Takes a turn, unless the check finds a typo, a name that fits several things, or a refusal: those cost nothing.</summary>
    private async Task PlayAsync(PlayerInput.Turn turn, string line, CancellationToken cancellation)
    {
        switch (Check().Check(turn, line))
        {
            case TurnCheck.Verdict.Asks asks:
                Ask(asks.Question.Text, asks.Question.Answer);
                return;
            case TurnCheck.Verdict.Refuses refused:
                Say(refused.Text, MessageKind.Warning);
                if (refused.Hint is { } hint)
                {
                    Say(hint);
                }
                return;
        }
        var decision = turn.Decision;
        // With no model nothing decides what an action the rules do not know does: it is told as an attempt.
        if (turn.FreeAction is { Length: > 0 } free && decision.Targets.IsEmpty && _session.Cast.IsAuthored)
        {
            decision = decision with { Action = Text.Phrases.TriedAction(free) };
        }
        _lastTurn = decision;
        await TimedAsync(token => _session.SubmitAsync(decision, token), cancellation);
    }

    /// <summary><c>take all</c>, <c>drop all</c>: one turn per thing, stopping when the story moves away from the player.</summary>
    private async Task EverythingAsync(bool take, CancellationToken cancellation)
    {
        var player = Player!;
        var state = _session.State;
        var here = state.Character(player).Location;
        var things = take
            ? state.ItemsAt(here).Where(i => state.World.Item(i).Portable).ToList()
            : [.. state.Inventory(player)];
        if (things.Count == 0)
        {
            Say(take ? Text.NothingToTake : Text.NothingToDrop, MessageKind.Warning);
            return;
        }
        foreach (var item in things)
        {
            if (!WaitsForPlayer || _session.State.Character(player).Location != here)
            {
                return;
            }
            var turn = new CharacterTurn { Command = take ? new WorldCommand.Take(item) : new WorldCommand.Drop(item) };
            _lastTurn = turn;
            await TimedAsync(token => _session.SubmitAsync(turn, token), cancellation);
        }
    }

    /// <summary>Runs a turn, then tells what it cost, where the player arrived, and the ending if the story ended.</summary>
    private async Task TimedAsync(Func<CancellationToken, Task> step, CancellationToken cancellation)
    {
        var calls = _session.Calls.Count;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _actor = Player;
        await AdvanceAsync(step, cancellation);
        var made = _session.Calls.Skip(calls).ToList();
        var timing = new TurnTiming(
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            made.Count,
            made.Sum(c => c.CompletionTokens),
            made.Sum(c => c.Milliseconds) / 1000);
        TurnTimed?.Invoke(this, timing);
        if (ShowsTiming)
        {
            Say(Text.TurnTook(timing));
        }
        ShowEnding();
    }

    private void ShowEnding()
    {
        if (!StoryOver || _endingShown || Player is null)
        {
            return;
        }
        _endingShown = true;
        var ending = StoryEnding.Of(_session, Text);
        Ended?.Invoke(this, ending);
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
                _endingShown = StoryOver;
                break;
            case MetaCommand.Restart:
                Restart();
                break;
            case MetaCommand.Again:
                if (_last is not { } last)
                {
                    Say(Text.NothingToRepeat, MessageKind.Warning);
                    break;
                }
                return await HandleAsync(last.Input, last.Line, cancellation);
            case MetaCommand.Verbose:
                Verbose = true;
                Say(Text.VerboseOn);
                break;
            case MetaCommand.Brief:
                Verbose = false;
                Say(Text.BriefOn);
                break;
            case MetaCommand.Timing:
                ShowsTiming = !ShowsTiming;
                Say(ShowsTiming ? Text.TimingOn : Text.TimingOff);
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
        await TimedAsync(token => _session.SubmitAsync(last, token), cancellation);
    }

    /// <summary>Back to the player's first turn, by undoing every turn: what was played stays in the record as branches.</summary>
    private void Restart()
    {
        if (!_session.CanUndo)
        {
            Say(Text.NothingToUndo);
            return;
        }
        while (_session.Undo())
        {
        }
        _endingShown = false;
        _lastTurn = null;
        Say(Text.Restarted);
        if (Player is { } player)
        {
            _session.Ask(player, new Query.Look());
        }
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

    /// <summary>
    /// Goes over to another way the story went: play continues from the point recorded at step
    /// <paramref name="checkpoint"/> of the save's trajectory (where play came back to the player on that branch),
    /// as loading a save does, in the same save. The way left stays in the record, so it can be taken again; the
    /// position is written at once, so quitting now continues here. Changes nothing and says why when it cannot
    /// (null: that way never came back to the player).
    /// </summary>
    public bool ContinueFrom(long? checkpoint)
    {
        if (_slot is not { } slot)
        {
            Say(Text.SavingIsOff, MessageKind.Warning);
            return false;
        }
        GameSession session;
        try
        {
            var file = TrajectoryFile.Read(slot.TrajectoryPath);
            if (checkpoint is not { } step || !file.Checkpoints.Any(c => c.Step == step))
            {
                Say(Text.BranchUnfinished, MessageKind.Warning);
                return false;
            }
            session = GameSession.Resume(_session.State.World, _session.Cast, file, step, _session.Options);
            // Resume numbers new steps after every step in the file; the written position says the same.
            var next = Math.Max(file.Checkpoints.Last(c => c.Step == step).NextStep, file.Records.Max(r => r.Step) + 1);
            slot.Checkpoint(step, step, session.Narrator, next, session.State);
        }
        catch (TaleForgeException e)
        {
            Say(e.Message, MessageKind.Warning);
            return false;
        }
        Switch(session, slot);
        Say(Text.BranchTaken);
        if (Player is { } player)
        {
            _session.Ask(player, new Query.Look());
        }
        return true;
    }

    private void Switch(GameSession session, SaveSlot? slot)
    {
        if (_session is not null)
        {
            _session.EventAppended -= OnEventAppended;
            _session.CallStarting -= OnCallStarting;
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
        _pending = null;
        _endingShown = session.State.IsOver;
        _visited.Clear();
        if (session.Cast.Player is { } player && session.State.Characters.TryGetValue(player, out var self))
        {
            _visited.Add(self.Location);
        }
        session.EventAppended += OnEventAppended;
        session.CallStarting += OnCallStarting;
    }

    /// <summary>Only a model takes long enough to think: authored characters answer at once and are not announced.</summary>
    private void OnCallStarting(object? sender, Role role)
    {
        if (role.Kind == RoleKind.Character)
        {
            _actor = role.CharacterId;
        }
        if (role.Kind != RoleKind.Character || role.CharacterId is not { } id
            || !_setup.Models.Any(m => m.Role == role || m.Role.Kind == RoleKind.Characters))
        {
            return;
        }
        var name = _session.State.World.FindCharacter(id)?.Name ?? id;
        Thinking?.Invoke(this, new ThinkingNotice(id, name, Text.Thinking(name)));
    }

    private void OnEventAppended(object? sender, AppliedEvent applied)
    {
        EventApplied?.Invoke(this, applied);
        // Arriving describes the place right after the move that brought the player there.
        var moved = applied.Entry.Event switch
        {
            WorldEvent.Moved m => m.Character,
            WorldEvent.Gathered g => g.Character,
            _ => null,
        };
        if (Player is { } player && moved == player && applied.After.Characters.TryGetValue(player, out var self))
        {
            var first = _visited.Add(self.Location);
            Arrived?.Invoke(this, Arrival.Of(applied.After, player, full: first || Verbose));
        }
    }

    /// <summary>
    /// Runs the story on; a generation the player stops returns to their turn with nothing of it kept (a branch
    /// in the record), while a game that is closing is left as it was.
    /// </summary>
    private async Task AdvanceAsync(Func<CancellationToken, Task> step, CancellationToken cancellation)
    {
        // Replies stream only while a view listens; otherwise each arrives whole, as it always has.
        using var listening = TextStreamed is null ? null : ReplyTextListener.Listen(text =>
        {
            if (Perceives(text))
            {
                TextStreamed?.Invoke(this, text);
            }
        });
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
            _stoppedBeforeTurn = !WaitsForPlayer && !StoryOver;
            Say(_stoppedBeforeTurn ? Text.StoppedBeforeYourTurn : Text.Stopped);
        }
        finally
        {
            gate.End();
        }
    }

    /// <summary>
    /// Whether the player would perceive streamed text: a character speaking where the player stands, or the
    /// narration of a turn taken there; anything in observer mode. The story's own events decide the rest.
    /// </summary>
    private bool Perceives(StreamedText text)
    {
        if (Player is not { } player)
        {
            return true;
        }
        var state = _session.State;
        var speaker = Role.TryParse(text.Role) is { Kind: RoleKind.Character } role ? role.CharacterId : _actor;
        return speaker is not null && state.Characters.TryGetValue(speaker, out var who)
            && state.Characters.TryGetValue(player, out var self) && who.Location == self.Location;
    }

    private void Say(string text, MessageKind kind = MessageKind.Info) => Message?.Invoke(this, new InterfaceMessage(text, kind));

    public void Dispose()
    {
        _session.EventAppended -= OnEventAppended;
        _session.CallStarting -= OnCallStarting;
        _slot?.Dispose();
    }
}
