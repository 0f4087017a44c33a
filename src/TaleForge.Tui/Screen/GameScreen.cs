using System.Diagnostics;
using System.Globalization;
using TaleForge.Engine.Play;
using TaleForge.Engine.Trajectories;
using TaleForge.Tui.Dialogs;
using TaleForge.Tui.Map;
using TaleForge.Tui.Story;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TaleForge.Tui.Screen;

/// <summary>
/// The full-screen game window: the story pane, the side panel (a one-line summary on a narrow screen), the hint
/// line, the input line and the status bar, and the dialogs over them. It reads <see cref="ScreenPlay"/> and sends
/// it what the player types; every key is routed here first, so the same keys drive it in a terminal and in a test.
/// </summary>
public sealed class GameScreen : Window
{
    /// <summary>Below this many columns the side panel folds into one line above the story.</summary>
    public const int WideScreen = 100;

    private const int PanelColumns = 34;

    private readonly IApplication _app;
    private readonly ScreenPlay _play;
    private readonly ScreenOptions _options;
    private readonly Label _summary;
    private readonly Label _hint;
    private readonly StatusBar _status;
    private readonly Shortcut _model;
    private readonly List<(Shortcut Key, Func<ScreenWords, string> Title, int Keep)> _keys = [];
    private ScreenWords _words;
    private Core.Definitions.WorldDefinition _world;
    private Overlay? _overlay;
    private bool _panelHidden;
    private bool _endingShown;
    private string _hintNote = "";
    private string _lastSearch = "";
    private int _drawnVersion = -1;
    private TimeSpan? _lastTurn;
    private Engine.Play.PlayerView? _panelView;

    public GameScreen(IApplication app, ScreenPlay play, ScreenOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(play);
        _app = app;
        _play = play;
        _options = options ?? new ScreenOptions();
        _world = play.Controller.Session.State.World;
        _words = ScreenWords.For(_world.Info.Language);
        _panelView = play.Busy ? null : play.Controller.View();
        Title = _world.Info.Title;
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Single;

        _summary = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Func(_ => PanelShown ? 0 : 1) };
        Story = new StoryPane(play.Log) { X = 0, Y = Pos.Bottom(_summary), Width = Dim.Fill(Dim.Func(_ => PanelShown ? PanelColumns : 0)), Height = Dim.Fill(3) };
        Panel = new SidePanel { X = Pos.AnchorEnd(PanelColumns), Y = 0, Width = PanelColumns, Height = Dim.Fill(3) };
        _hint = new Label { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill() };
        var prompt = new Label { X = 0, Y = Pos.AnchorEnd(2), Text = ">" };
        Input = new CommandLine { X = 2, Y = Pos.AnchorEnd(2), Width = Dim.Fill() };
        _model = new Shortcut(Key.Empty, _options.Model ?? _words.AuthoredModel, null, "");
        // keep: the higher, the longer a key stays on a narrowing status bar (help names them all).
        Shortcut Bound(Key key, Func<ScreenWords, string> title, Action action, int keep)
        {
            var shortcut = new Shortcut(key, title(_words), action);
            _keys.Add((shortcut, title, keep));
            return shortcut;
        }
        _status = new StatusBar(
        [
            Bound(Key.F1, w => w.Help, OpenHelp, int.MaxValue),
            Bound(Key.F2, w => w.Save, OpenSave, 5),
            Bound(Key.F3, w => w.Load, OpenLoad, 4),
            Bound(Key.F5, w => w.Retry, () => Submit("/retry"), 2),
            Bound(Key.Z.WithCtrl, w => w.Undo, () => Submit("/undo"), 3),
            Bound(Key.F6, w => w.Map, OpenMap, 1),
            Bound(Key.F4, w => w.Panel, TogglePanel, 0),
            .. _options.Starts is null ? Array.Empty<Shortcut>() : [Bound(Key.N.WithCtrl, w => w.NewGame, OpenNewGame, int.MaxValue)],
            _model,
        ]);
        Add(_summary, Story, Panel, _hint, prompt, Input, _status);
        _app.Keyboard.KeyDown += OnKey;
        FrameChanged += (_, _) => Refresh();
    }

    public StoryPane Story { get; }
    public SidePanel Panel { get; }
    public CommandLine Input { get; }

    /// <summary>The dialog open over the game, if any.</summary>
    public Overlay? Dialog => _overlay;

    public bool PanelShown => !_panelHidden && Frame.Width >= WideScreen;

    /// <summary>Brings every part up to date with the play: story, panel, hint, status and the ending. UI thread only.</summary>
    public void Refresh()
    {
        if (!_play.Busy && !ReferenceEquals(_world, _play.Controller.Session.State.World))
        {
            Rebind();
        }
        Panel.Visible = PanelShown;
        // While a turn runs the session changes on another thread: the panel shows where play stood before it,
        // also on the first draw, when the story's opening is already being told.
        if (!_play.Busy)
        {
            _panelView = _play.Controller.View();
        }
        if (PanelShown)
        {
            Panel.Show(_panelView, _words);
        }
        _summary.Text = _panelView is null || PanelShown ? "" : SidePanel.Summary(_panelView, _words);
        Story.Refresh();
        _hint.Text = HintText();
        FitStatus();
        _drawnVersion = _play.Log.Version;
        if (!_play.Busy && _play.StoryOver && !_endingShown && _overlay is null)
        {
            _endingShown = true;
            OpenEnding();
        }
        if (!_play.StoryOver)
        {
            _endingShown = false;
        }
        if (_overlay is null && !Input.HasFocus)
        {
            Input.SetFocus();
        }
        SetNeedsDraw();
        SetNeedsLayout();
    }

    /// <summary>A new game began in another world: its title, and the screen's words in its language.</summary>
    private void Rebind()
    {
        _world = _play.Controller.Session.State.World;
        _words = ScreenWords.For(_world.Info.Language);
        Title = _world.Info.Title;
        foreach (var (shortcut, title, _) in _keys)
        {
            shortcut.Title = title(_words);
        }
        _endingShown = false;
    }

    /// <summary>Redraws when the story moved on since the last draw; the render tick calls it.</summary>
    public bool Tick()
    {
        if (_drawnVersion != _play.Log.Version || _play.Busy || _options.Activity is not null)
        {
            Refresh();
        }
        return true;
    }

    /// <summary>Plays a line as if typed; the screen refreshes when the turn ends.</summary>
    public Task Submit(string line)
    {
        _hintNote = "";
        return Follow(_play.SubmitAsync(line));
    }

    /// <summary>Shows the screen busy while <paramref name="turn"/> runs, and brings it up to date when it ends.</summary>
    private Task Follow(Task turn)
    {
        var clock = Stopwatch.StartNew();
        Refresh();
        return turn.ContinueWith(
            done =>
            {
                _lastTurn = clock.Elapsed;
                _app.Invoke(AfterTurn);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>What happens once a turn is over: quitting if the player quit, else a refresh.</summary>
    public void AfterTurn()
    {
        if (_play.Quit)
        {
            _app.RequestStop();
            return;
        }
        Refresh();
    }

    /// <summary>
    /// Fits the status bar to the screen's width: the keys kept least drop out first (F1 help, which lists them all,
    /// and Ctrl-N stay), then the model's name is shortened, so the save's name always shows.
    /// </summary>
    private void FitStatus()
    {
        // A shortcut takes its key, its title, two spaces either side and a separator.
        static int Cost(Shortcut shortcut) => DisplayWrap.Columns(shortcut.Key.ToString()) + DisplayWrap.Columns(shortcut.Title) + 5;
        const int ModelRoom = 24;
        var room = Viewport.Width;
        var model = _options.Model ?? _words.AuthoredModel;
        var tail = ModelTail();
        var wanted = Math.Min(ModelRoom, DisplayWrap.Columns(model + tail) + 2);
        // The panel key means nothing on a screen too narrow for the panel.
        var shown = _keys.Where(k => k.Keep > 0 || Frame.Width >= WideScreen).ToList();
        foreach (var dropped in shown.Where(k => k.Keep != int.MaxValue).OrderBy(k => k.Keep).ToList())
        {
            if (shown.Sum(k => Cost(k.Key)) + wanted <= room)
            {
                break;
            }
            shown.Remove(dropped);
        }
        var left = room - shown.Sum(k => Cost(k.Key)) - 2;
        _model.Title = Shortened(model, left - DisplayWrap.Columns(tail)) + tail;
        // The bar places each shortcut after the one before it, hidden or not: the ones shown are all it holds.
        List<View> wantedViews = [.. shown.Select(k => (View)k.Key), _model];
        if (!_status.SubViews.SequenceEqual(wantedViews))
        {
            foreach (var view in _status.SubViews.ToList())
            {
                _status.Remove(view);
            }
            _status.Add([.. wantedViews]);
        }
    }

    /// <summary><paramref name="text"/> cut to <paramref name="columns"/> with an ellipsis when longer.</summary>
    private static string Shortened(string text, int columns)
    {
        if (DisplayWrap.Columns(text) <= columns)
        {
            return text;
        }
        var cut = text;
        while (cut.Length > 0 && DisplayWrap.Columns(cut) > Math.Max(0, columns - 1))
        {
            cut = cut[..^1];
        }
        return cut + "…";
    }

    /// <summary>What follows the model's name on the status bar: how long the last turn took, and the save.</summary>
    private string ModelTail()
    {
        var speed = _lastTurn is { } t ? $" · {t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "";
        var save = _play.Controller.Slot is { } slot ? $" · {slot.Name}" : "";
        return speed + save;
    }

    private string HintText()
    {
        if (_options.Activity?.Describe(_words) is { } activity)
        {
            return activity;
        }
        if (_play.Busy)
        {
            return _words.Busy;
        }
        if (_hintNote.Length > 0)
        {
            return _hintNote;
        }
        var offers = _play.Controller.Completions().Where(c => !c.StartsWith('/')).Take(4);
        return $"{_words.Try}: {string.Join(" · ", offers)} — {_words.TabCompletes} · F1 {_words.Help}";
    }

    private void OnKey(object? sender, Key key)
    {
        if (_overlay is { } overlay)
        {
            if (overlay.Handle(key, CloseOverlay))
            {
                key.Handled = true;
                return;
            }
            CloseOverlay();
        }
        key.Handled = Act(key);
    }

    /// <summary>The game's keys; false leaves the key to the input line.</summary>
    private bool Act(Key key)
    {
        var code = key.KeyCode;
        if (code == Key.Enter.KeyCode)
        {
            if (!_play.Busy)
            {
                _ = Submit(Input.Take());
            }
        }
        else if (code == Key.Esc.KeyCode)
        {
            if (_options.Gate?.Stop() != true)
            {
                Story.ScrollToEnd();
            }
        }
        else if (code == Key.Tab.KeyCode)
        {
            var found = Input.Complete(_play.Controller.Completions);
            _hintNote = found.Count > 1 ? string.Join(" · ", found.Take(8)) : "";
            _hint.Text = HintText();
        }
        else if (code == Key.CursorUp.KeyCode || code == Key.CursorDown.KeyCode)
        {
            Input.Recall(code == Key.CursorUp.KeyCode ? -1 : 1);
        }
        else if (code == Key.PageUp.KeyCode || code == Key.PageDown.KeyCode)
        {
            Story.Scroll(code == Key.PageUp.KeyCode ? -Math.Max(1, Story.Viewport.Height - 1) : Math.Max(1, Story.Viewport.Height - 1));
        }
        else if ((code == Key.CursorLeft.KeyCode || code == Key.CursorRight.KeyCode) && string.IsNullOrEmpty(Input.Text) && !_play.Busy
            && _play.Controller.Slot is not null)
        {
            OpenBranches(code == Key.CursorLeft.KeyCode ? -1 : 1);
        }
        else if ((code == Key.Home.KeyCode || code == Key.End.KeyCode) && string.IsNullOrEmpty(Input.Text))
        {
            Story.ScrollTo(code == Key.Home.KeyCode ? 0 : int.MaxValue);
        }
        else
        {
            return Shortcut(code);
        }
        return true;
    }

    private bool Shortcut(KeyCode code)
    {
        Action? action =
            code == Key.F1.KeyCode ? OpenHelp
            : code == Key.F2.KeyCode ? OpenSave
            : code == Key.F3.KeyCode ? OpenLoad
            : code == Key.F4.KeyCode ? TogglePanel
            : code == Key.F5.KeyCode ? () => Submit("/retry")
            : code == Key.F6.KeyCode ? OpenMap
            : code == Key.F7.KeyCode ? () => FindNext(_lastSearch)
            : code == Key.F8.KeyCode ? WriteTranscript
            : code == Key.F9.KeyCode ? CopyVisible
            : code == Key.F10.KeyCode && _options.ConfigPath is not null ? OpenSettings
            : code == Key.F.WithCtrl.KeyCode ? OpenSearch
            : code == Key.N.WithCtrl.KeyCode && _options.Starts is not null ? OpenNewGame
            : code == Key.Z.WithCtrl.KeyCode ? () => Submit("/undo")
            : code == Key.Y.WithCtrl.KeyCode ? () => Submit("/redo")
            : code == Key.Q.WithCtrl.KeyCode ? OpenQuit
            : null;
        if (action is null || (_play.Busy && code != Key.Q.WithCtrl.KeyCode))
        {
            return action is not null;
        }
        action();
        return true;
    }

    private void TogglePanel()
    {
        _panelHidden = !_panelHidden;
        Refresh();
    }

    private void Open(Overlay overlay)
    {
        CloseOverlay();
        _overlay = overlay;
        Add(overlay);
        overlay.SetFocus();
        overlay.Field?.SetFocus();
        SetNeedsDraw();
    }

    private void CloseOverlay()
    {
        if (_overlay is not { } overlay)
        {
            return;
        }
        _overlay = null;
        if (_hintNote == _words.BranchesKeys)
        {
            _hintNote = "";
        }
        Remove(overlay);
        overlay.Dispose();
        Input.SetFocus();
        SetNeedsDraw();
    }

    private void OpenHelp() => Open(new Overlay(_words.Help, "Esc") { Body = ScreenHelp.Text(_play.Controller.Text.Commands, _words) });

    private void OpenSave()
    {
        var overlay = new Overlay(_words.SaveTitle, _words.EnterPicks)
        {
            Body = SaveListing.Describe(_options.Saves, _words),
            Accept = name => Submit("/save " + name.Trim()),
        };
        overlay.WithField(_words.SaveName);
        Open(overlay);
    }

    private void OpenLoad()
    {
        var saves = SaveListing.Names(_options.Saves);
        var overlay = new Overlay(_words.LoadTitle, _words.EnterPicks)
        {
            Body = saves.Count == 0 ? _words.NoSaves : "",
            Accept = picked =>
            {
                if (int.TryParse(picked, CultureInfo.InvariantCulture, out var index) && index < saves.Count)
                {
                    Submit("/load " + saves[index]);
                }
            },
        };
        overlay.WithChoices(SaveListing.Rows(_options.Saves));
        Open(overlay);
    }

    private void OpenQuit() => Open(new Overlay(_words.QuitTitle, "y / n")
    {
        Body = _words.QuitQuestion,
        Accept = _ => QuitNow(),
        Answer = key =>
        {
            if (key.AsRune.Value is 'y' or 'Y')
            {
                QuitNow();
                return true;
            }
            return key.AsRune.Value is 'n' or 'N';
        },
    });

    /// <summary>Quits, stopping a generation that runs first (as Esc would); the game closes once it has stopped.</summary>
    private void QuitNow()
    {
        _hintNote = "";
        _ = Follow(_play.QuitAsync(() => _options.Gate?.Stop()));
    }

    private void OpenMap()
    {
        var world = _play.Controller.Session.State.World;
        var here = _play.Controller.Player is { } player ? _play.Controller.Session.State.Character(player).Location : "";
        Open(new Overlay(_words.MapTitle, "Esc") { Body = string.Join('\n', PlaceMap.Draw(world, _play.Visited, here)) });
    }

    private void OpenEnding() => Open(new Overlay(_words.EndingTitle, _words.EndingOffer)
    {
        Body = string.Join("\n\n", _options.Starts is null ? _play.Endings : [.. _play.Endings, $"Ctrl-N {_words.NewGameOffer}"]),
    });

    /// <summary>The settings the config file holds for models; Enter edits the one picked.</summary>
    private void OpenSettings()
    {
        var path = _options.ConfigPath!;
        var values = SettingsFile.Read(path);
        var overlay = new Overlay(_words.Settings, _words.EnterPicks)
        {
            Body = $"{path}\n{_words.SettingsNote}",
            Accept = picked =>
            {
                if (int.TryParse(picked, CultureInfo.InvariantCulture, out var index) && index < SettingsFile.Keys.Count)
                {
                    OpenSetting(SettingsFile.Keys[index].Key, SettingsFile.Keys[index].Label, values.GetValueOrDefault(SettingsFile.Keys[index].Key, ""));
                }
            },
        };
        overlay.WithChoices([.. SettingsFile.Keys.Select(k => $"{k.Label}: {values.GetValueOrDefault(k.Key) ?? _words.Unset}")]);
        Open(overlay);
    }

    private void OpenSetting(string key, string label, string current)
    {
        var overlay = new Overlay(_words.Settings, _words.EnterPicks)
        {
            Body = _options.ConfigPath!,
            Accept = typed =>
            {
                var value = typed.Trim();
                if (SettingsFile.Problem(key, value) is { } problem)
                {
                    _hintNote = $"{label}: {problem}";
                }
                else
                {
                    try
                    {
                        SettingsFile.Write(_options.ConfigPath!, key, value);
                        _hintNote = $"{label} = {value} · {_words.SettingsNote}";
                    }
                    catch (Core.TaleForgeException e)
                    {
                        _hintNote = e.Message;
                    }
                }
                OpenSettings();
                Refresh();
            },
        };
        overlay.WithField(label, current);
        Open(overlay);
    }

    /// <summary>
    /// The other ways the last reply went (made by undo and retry), browsed with ← → as swipes, read from the saved
    /// trajectory; the one played now is where browsing starts.
    /// </summary>
    private void OpenBranches(int direction)
    {
        IReadOnlyList<ReplyBranch> branches;
        try
        {
            branches = ReplyBranches.Of(TrajectoryFile.Read(_play.Controller.Slot!.TrajectoryPath));
        }
        catch (Core.TaleForgeException e)
        {
            _hintNote = e.Message;
            Refresh();
            return;
        }
        if (branches.Count < 2)
        {
            _hintNote = _words.NoBranches;
            Refresh();
            return;
        }
        var shown = Math.Clamp(branches.ToList().FindIndex(b => b.Current) + direction, 0, branches.Count - 1);
        Overlay? overlay = null;
        void Show() => overlay!.Body = $"{shown + 1} / {branches.Count}{(branches[shown].Current ? " · " + _words.PlayedNow : "")}\n\n{branches[shown].Text}";
        overlay = new Overlay(_words.BranchesTitle, _words.BranchesKeys)
        {
            // Enter makes the way shown the one played; on the one played now it just closes.
            Accept = _ =>
            {
                if (!branches[shown].Current)
                {
                    _play.ContinueFrom(branches[shown].Position);
                }
                _hintNote = "";
                Refresh();
            },
            Steer = key =>
            {
                if (key.KeyCode != Key.CursorLeft.KeyCode && key.KeyCode != Key.CursorRight.KeyCode)
                {
                    return false;
                }
                shown = Math.Clamp(shown + (key.KeyCode == Key.CursorLeft.KeyCode ? -1 : 1), 0, branches.Count - 1);
                Show();
                return true;
            },
        };
        Show();
        Open(overlay);
        _hintNote = _words.BranchesKeys;
        _hint.Text = HintText();
    }

    /// <summary>The new-game dialog: a world from the worlds folder, then the character to play; the game starts in this screen.</summary>
    private void OpenNewGame()
    {
        var starts = _options.Starts!;
        IReadOnlyList<WorldOffer> worlds;
        try
        {
            worlds = starts.Worlds();
        }
        catch (Exception e) when (e is Core.TaleForgeException or IOException or UnauthorizedAccessException)
        {
            _hintNote = e.Message;
            Refresh();
            return;
        }
        var overlay = new Overlay(_words.NewGameTitle, _words.EnterPicks)
        {
            Body = worlds.Count == 0 ? _words.NoWorlds : "",
            Accept = picked =>
            {
                if (int.TryParse(picked, CultureInfo.InvariantCulture, out var index) && index < worlds.Count)
                {
                    OpenCharacters(starts, worlds[index]);
                }
            },
        };
        overlay.WithChoices([.. worlds.Select(w => $"{w.Title} ({Path.GetFileName(w.Folder)})")]);
        Open(overlay);
    }

    private void OpenCharacters(IGameStarts starts, WorldOffer world)
    {
        var overlay = new Overlay($"{world.Title}: {_words.PlayAs}", _words.EnterPicks)
        {
            Accept = picked =>
            {
                if (int.TryParse(picked, CultureInfo.InvariantCulture, out var index) && index < world.Characters.Count)
                {
                    _hintNote = "";
                    _ = Follow(_play.NewGameAsync(starts, world, world.Characters[index].Id));
                }
            },
        };
        overlay.WithChoices([.. world.Characters.Select(c => c.Playable ? $"{c.Name} {_words.Playable}" : c.Name)]);
        Open(overlay);
    }

    private void OpenSearch()
    {
        var overlay = new Overlay(_words.SearchTitle, _words.EnterPicks) { Accept = FindNext };
        overlay.WithField(_words.Search, _lastSearch);
        Open(overlay);
    }

    private void FindNext(string words)
    {
        _lastSearch = words;
        _hintNote = Story.Search(words) ? $"{_words.Search}: {words} — F7" : $"{_words.Search}: {words} — {_words.NotFound}";
        Refresh();
    }

    /// <summary>Writes the whole story to a text file: copying that works whatever the terminal does with the mouse.</summary>
    private void WriteTranscript()
    {
        var path = Path.Combine(_options.TranscriptFolder, $"transcript-{DateTime.Now:yyyyMMdd-HHmmss}.txt");
        try
        {
            File.WriteAllText(path, _play.Log.Transcript());
            _hintNote = $"{_words.WrittenTo} {path}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _hintNote = $"{path}: {e.Message}";
        }
        Refresh();
    }

    private void CopyVisible()
    {
        _app.Clipboard?.TrySetClipboardData(Story.VisibleText());
        _hintNote = "F9 ✓";
        Refresh();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnKey;
            // Shortcuts the status bar had no room for are not among its views when it is disposed.
            foreach (var (shortcut, _, _) in _keys.Where(k => k.Key.SuperView is null))
            {
                shortcut.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
