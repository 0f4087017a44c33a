using TaleForge.Engine.Play;

namespace TaleForge.Cli.Play;

/// <summary>
/// Line mode, a view of the <see cref="PlayController"/>: it reads a line, hands it over, and prints the story and
/// the game's lines as they come, until the story ends, the player quits, or input runs out (the end of a script,
/// Ctrl-D). Every turn is already saved when the prompt appears.
/// </summary>
public sealed class PlayLoop(TextReader input, TextWriter output, StoryPrinter printer, bool echoInput)
{
    /// <summary>Ctrl-C's meaning in this game, told when the player types a line and asked to warn at an idle prompt.</summary>
    public GenerationInterrupt? Interrupt { get; init; }

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
                printer.Say("(Ctrl-C again leaves the game; every turn is already saved. Or type 'quit'.)");
                output.Write("> ");
                output.Flush();
            };
        }

        var trouble = new ModelTrouble();
        trouble.Before(controller.Session);
        await controller.StartAsync(cancellation);
        Tell(trouble.After(controller.Session));
        while (controller.WaitsForPlayer)
        {
            if (!echoInput)
            {
                await output.WriteAsync("> ");
            }
            // Read off this thread: a console read blocks and ignores the token, and Ctrl-C or SIGTERM must still end the game.
            var line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellation);
            Interrupt?.LineEntered();
            if (line is null)
            {
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
            Tell(trouble.After(controller.Session));
            if (!goesOn)
            {
                return;
            }
        }
    }

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
