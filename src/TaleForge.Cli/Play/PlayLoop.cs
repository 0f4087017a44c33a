using TaleForge.Core.Decisions;
using TaleForge.Core.Narration;
using TaleForge.Engine.Play;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Play;

/// <summary>
/// Line-mode play: the story runs until the player's turn, the player types, and so on until the story ends,
/// the player quits, or input runs out (end of a script, Ctrl-D). Questions cost no turn; /undo and /retry go
/// back a turn; Ctrl-C stops a generation and returns to the player's turn without losing the game.
/// </summary>
public sealed class PlayLoop(GameSession session, TextReader input, TextWriter output, StoryPrinter printer, GenerationInterrupt interrupt, bool echoInput)
{
    private readonly PlayerInputParser _parser = new(Phrasebook.For(session.State.World.Info.Language));
    private CharacterTurn? _lastTurn;

    /// <summary>Called for /save NAME and /load NAME; null when this loop cannot save.</summary>
    public Func<string, string>? Save { get; init; }

    public async Task RunAsync(CancellationToken cancellation)
    {
        await AdvanceAsync(session.RunAsync);
        while (!session.IsFinished && session.AwaitingPlayer)
        {
            if (!echoInput)
            {
                await output.WriteAsync("> ");
            }
            var line = await input.ReadLineAsync(cancellation);
            if (line is null)
            {
                printer.Say("(end of input)");
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

    /// <summary>Acts on one line; false when the player quits.</summary>
    private async Task<bool> HandleAsync(string line)
    {
        var player = session.Cast.Player!;
        switch (_parser.Parse(line))
        {
            case PlayerInput.Empty:
                return true;
            case PlayerInput.Ask ask:
                printer.Say(session.Ask(player, ask.Query), Tone.Plain);
                return true;
            case PlayerInput.Turn turn:
                _lastTurn = turn.Decision;
                await AdvanceAsync(token => session.SubmitAsync(turn.Decision, token));
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Quit }:
                return false;
            case PlayerInput.Meta { Command: MetaCommand.Help }:
                printer.Say(HelpText.Commands);
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Undo }:
                printer.Say(session.Undo() ? "Undone: back to your previous turn." : "There is no earlier turn to go back to.");
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Retry }:
                await RetryAsync();
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Save or MetaCommand.Load } meta when Save is not null:
                printer.Say(Save(meta.Command == MetaCommand.Save ? $"save {meta.Argument}" : $"load {meta.Argument}"));
                return true;
            case PlayerInput.Meta { Command: MetaCommand.Save or MetaCommand.Load }:
                printer.Say("Saving is not available in this session.", Tone.Refusal);
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
        if (_lastTurn is null || !session.Undo())
        {
            printer.Say("There is no turn to retry yet.");
            return;
        }
        printer.Say("Trying your last turn again.");
        await AdvanceAsync(token => session.SubmitAsync(_lastTurn, token));
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
            session.Rewind();
            printer.Say("Stopped. Back at your turn; nothing of the interrupted turn was kept.");
        }
        finally
        {
            interrupt.End();
        }
    }
}
