using System.Text;
using TaleForge.Engine.Play;
using Terminal.Gui.Views;

namespace TaleForge.Tui.Screen;

/// <summary>
/// The side panel: where the player stands and when, the scene and what they want in it, who is here and how
/// they look, what they carry, and the ways out. It only shows a <see cref="PlayerView"/>; it changes nothing.
/// </summary>
public sealed class SidePanel : FrameView
{
    private readonly Label _body = new() { X = 0, Y = 0, Width = Terminal.Gui.ViewBase.Dim.Fill(), Height = Terminal.Gui.ViewBase.Dim.Fill() };

    public SidePanel()
    {
        CanFocus = false;
        Add(_body);
    }

    public void Show(PlayerView? view, ScreenWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        Title = view?.Place ?? "";
        _body.Text = view is null ? "" : Describe(view, words);
        SetNeedsDraw();
    }

    /// <summary>The panel's text, a heading and its value a line each, so it reads in a narrow column.</summary>
    public static string Describe(PlayerView view, ScreenWords words)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(words);
        var text = new StringBuilder();
        text.AppendLine(view.Time.ToString());
        if (view.Scene is { } scene)
        {
            text.AppendLine($"{words.Scene}: {scene.Title}");
            foreach (var goal in scene.Goals)
            {
                text.AppendLine($"{words.Goal}: {goal}");
            }
        }
        text.AppendLine();
        text.AppendLine($"{words.Here}:");
        if (view.People.IsEmpty)
        {
            text.AppendLine($"  {words.Nobody}");
        }
        foreach (var person in view.People)
        {
            text.AppendLine(person.Emotion.Length > 0 ? $"  {person.Name} ({person.Emotion})" : $"  {person.Name}");
        }
        if (!view.Items.IsEmpty)
        {
            text.AppendLine($"{words.Things}: {string.Join(", ", view.Items)}");
        }
        text.AppendLine($"{words.Carrying}: {(view.Inventory.IsEmpty ? words.Nothing : string.Join(", ", view.Inventory))}");
        text.AppendLine($"{words.Exits}: {(view.Exits.IsEmpty ? words.Nothing : string.Join(", ", view.Exits))}");
        return text.ToString().TrimEnd();
    }

    /// <summary>One line for a narrow screen, where the panel collapses: place, time and the ways out.</summary>
    public static string Summary(PlayerView view, ScreenWords words)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(words);
        var people = view.People.IsEmpty ? "" : $" · {string.Join(", ", view.People.Select(p => p.Name))}";
        return $"{view.Place} · {view.Time}{people} · {words.Exits}: {string.Join(", ", view.Exits)}";
    }
}
