using TaleForge.Engine.Play;

namespace TaleForge.Cli.Play;

/// <summary>
/// Line mode, a view of the <see cref="PlayController"/>: it reads a line, hands it over, and prints the story and
/// the game's lines as they come, until the player quits or input runs out (the end of a script, Ctrl-D). When the
/// story ends it shows the ending and keeps reading, so the player can undo, restart or load instead of leaving.
/// Every turn is already saved when the prompt appears.
/// </summary>
/// <param name="pastedMore">Whether more typed input is already waiting (several lines pasted at once); they are sent as one message. Null for scripts, where every line is a command.</param>
public sealed class PlayLoop(TextReader input, TextWriter output, StoryPrinter printer, bool echoInput, Func<bool>? pastedMore = null)
{
    /// <summary>Ctrl-C's meaning in this game, told when the player types a line and asked to warn at an idle prompt.</summary>
    public GenerationInterrupt? Interrupt { get; init; }

    /// <summary>Input ran out (the end of a script, Ctrl-D) rather than the player quitting.</summary>
    public bool InputRanOut { get; private set; }

    public async Task RunAsync(PlayController controller, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.EventApplied += (_, applied) => printer.Show(applied);
        controller.Message += (_, message) => printer.Say(message.Text, ToneOf(message.Kind));
        if (Interrupt is not null)
        {
            Interrupt.IdleInterrupted += (_, _) =>
            {
                output.WriteLine();
                printer.Say(controller.Text.CtrlCAgainLeaves);
                output.Write("> ");
                output.Flush();
            };
        }
        controller.Arrived += (_, arrival) => printer.Arrive(arrival);
        controller.Ended += (_, ending) => printer.End(ending);
        controller.Thinking += (_, notice) => printer.Say(notice.Text, Tone.System);

        var trouble = new ModelTrouble();
        trouble.Before(controller.Session);
        await controller.StartAsync(cancellation);
        Tell(trouble.After(controller.Session, controller.Text));
        while (controller.AcceptsInput)
        {
            if (!echoInput)
            {
                await output.WriteAsync("> ");
            }
            var line = await ReadMessageAsync(cancellation);
            Interrupt?.LineEntered();
            if (line is null)
            {
                InputRanOut = true;
                controller.EndOfInput();
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
            trouble.Before(controller.Session);
            var goesOn = await controller.HandleAsync(line, cancellation);
            Tell(trouble.After(controller.Session, controller.Text));
            if (!goesOn)
            {
                return;
            }
        }
    }

    /// <summary>One line, or several pasted at once joined into one message.</summary>
    private async Task<string?> ReadMessageAsync(CancellationToken cancellation)
    {
        var line = await ReadLineAsync(cancellation);
        if (line is null || pastedMore is null)
        {
            return line;
        }
        var lines = new List<string> { line };
        while (pastedMore() && await ReadLineAsync(cancellation) is { } more)
        {
            lines.Add(more);
        }
        return string.Join(" ", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    // Read off this thread: a console read blocks and ignores the token, and Ctrl-C or SIGTERM must still end the game.
    private Task<string?> ReadLineAsync(CancellationToken cancellation) =>
        Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellation);

    private void Tell(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            printer.Say(line, Tone.Refusal);
        }
    }

    private static Tone ToneOf(MessageKind kind) => kind switch
    {
        MessageKind.Heading => Tone.Heading,
        MessageKind.Warning => Tone.Refusal,
        _ => Tone.System,
    };
}
