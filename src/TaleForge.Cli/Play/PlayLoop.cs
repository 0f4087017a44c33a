using TaleForge.Core.Decisions;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Play;

/// <summary>
/// Line-mode play: the story runs until the player's turn, the player types, and so on until the story ends,
/// the player quits, or input runs out (end of a script, Ctrl-D). Questions cost no turn; /undo, /redo and
/// /retry move between turns; /save and /load work with named saves; Ctrl-C stops a generation and returns to
/// the player's turn without losing the game. Every turn is already saved when the prompt appears.
/// </summary>
public sealed class PlayLoop(TextReader input, TextWriter output, StoryPrinter printer, GenerationInterrupt interrupt, bool echoInput)
{
    private GameSession _session = null!;
    private SaveSlot? _slot;
    private PlayerInputParser _parser = null!;
    private CharacterTurn? _lastTurn;

    /// <summary>Saves and loads named games; null when this loop does not save.</summary>
    internal SavedPlay? Saves { get; init; }

    public async Task RunAsync(GameSession session, SaveSlot? slot, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        Switch(session, slot);
        try
        {
            await PlayAsync(cancellation);
        }
        finally
        {
            _slot?.Dispose();
        }
    }

    private async Task PlayAsync(CancellationToken cancellation)
    {
        await AdvanceAsync(_session.RunAsync);
        while (!_session.IsFinished && _session.AwaitingPlayer)
        {
            if (!echoInput)
            {
                await output.WriteAsync("> ");
            }
            var line = await input.ReadLineAsync(cancellation);
            if (line is null)
            {
                printer.Say(_slot is null ? "(end of input)" : $"(end of input; the game is saved as '{_slot.Name}')");
                return;
            }
            // Scripts and transcripts may carry comments.
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            if (echoInput)
            {
                printer.Say($"> {line}", Tone.Heading);
            }
            if (!await HandleAsync(line))
            {
                return;
            }
        }
    }

    private void Switch(GameSession session, SaveSlot? slot)
    {
        if (!ReferenceEquals(_slot, slot))
        {
            _slot?.Dispose();
        }
        _session = session;
        _slot = slot;
        _parser = new PlayerInputParser(Phrasebook.For(session.State.World.Info.Language));
        printer.Attach(session);
        _lastTurn = null;
    }

    /// <summary>Acts on one line; false when the player quits.</summary>
    private async Task<bool> HandleAsync(string line)
    {
        var player = _session.Cast.Player!;
        switch (_parser.Parse(line))
        {
            case PlayerInput.Empty:
                return true;
            case PlayerInput.Ask ask:
                printer.Say(_session.Ask(player, ask.Query), Tone.Plain);
                return true;
            case PlayerInput.Turn turn:
                _lastTurn = turn.Decision;
                await AdvanceAsync(token => _session.SubmitAsync(turn.Decision, token));
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Quit }:
                printer.Say(_slot is null ? "Goodbye." : $"Goodbye. The game is saved as '{_slot.Name}'.");
                return false;
            case PlayerInput.Meta { Command: MetaCommand.Help }:
                printer.Say(HelpText.Commands);
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Undo }:
                printer.Say(_session.Undo() ? "Undone: back to your previous turn." : "There is no earlier turn to go back to.");
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Redo }:
                printer.Say(_session.Redo() ? "Redone." : "There is nothing to redo.");
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Retry }:
                await RetryAsync();
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Save } meta:
                Save(meta.Argument);
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Load } meta:
                Load(meta.Argument);
                return true;
            case PlayerInput.Meta meta:
                printer.Say($"Unknown command /{meta.Argument}. Type /help for the list.", Tone.Refusal);
                return true;
            default:
                return true;
        }
    }

    /// <summary>Plays the last turn again from the same point; the first outcome stays in the record as a branch.</summary>
    private async Task RetryAsync()
    {
        if (_lastTurn is null || !_session.Undo())
        {
            printer.Say("There is no turn to retry yet.");
            return;
        }
        printer.Say("Trying your last turn again.");
        await AdvanceAsync(token => _session.SubmitAsync(_lastTurn, token));
    }

    private void Save(string name)
    {
        if (Saves is null || _slot is null)
        {
            printer.Say("Saving is off in this game (--no-save).", Tone.Refusal);
            return;
        }
        if (name.Length == 0)
        {
            printer.Say($"Every turn is saved already, as '{_slot.Name}'. To keep this point under a name of its own: /save NAME");
            return;
        }
        try
        {
            var copy = Saves.Library.Copy(_slot.Folder, Saves.Library.NewNamed(name));
            printer.Say($"Saved as '{Path.GetFileName(copy)}'. Play goes on in '{_slot.Name}'.");
        }
        catch (Core.TaleForgeException e)
        {
            printer.Say(e.Message, Tone.Refusal);
        }
    }

    private void Load(string name)
    {
        if (Saves is null)
        {
            printer.Say("Loading is off in this game (--no-save).", Tone.Refusal);
            return;
        }
        if (name.Length == 0)
        {
            printer.Say("Name the save to load: /load NAME ('taleforge saves' lists them).");
            return;
        }
        try
        {
            var (session, slot, warnings) = Saves.Load(name);
            foreach (var warning in warnings)
            {
                printer.Say(warning, Tone.Refusal);
            }
            Switch(session, slot);
            printer.Say($"Loaded '{name}'; play continues in '{slot.Name}'.");
            printer.Say(session.Ask(session.Cast.Player!, new Query.Look()), Tone.Plain);
        }
        catch (Core.TaleForgeException e)
        {
            printer.Say(e.Message, Tone.Refusal);
        }
    }

    private async Task AdvanceAsync(Func<CancellationToken, Task> step)
    {
        var token = interrupt.Begin();
        try
        {
            await step(token);
        }
        catch (OperationCanceledException) when (!interrupt.Quitting)
        {
            _session.Rewind();
            printer.Say("Stopped. Back at your turn; nothing of the interrupted turn was kept.");
        }
        finally
        {
            interrupt.End();
        }
    }
}
