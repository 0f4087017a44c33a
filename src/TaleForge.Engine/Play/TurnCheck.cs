using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Core.State;
using TaleForge.Engine.Play.Messages;

namespace TaleForge.Engine.Play;

/// <summary>
/// Looks at what the player typed before it costs a turn: a verb that is a typo of a known one, a name that fits
/// several things, a command the rules would refuse. Each becomes a question or a refusal told at once, and the
/// world does not move; only a command that can stand is played.
/// </summary>
internal sealed class TurnCheck(WorldState state, string player, InterfaceText text, PlayerInputParser parser)
{
    private readonly Names _names = new(state.World);

    /// <summary>A question for the player and how to read the answer (null: the answer is a new command).</summary>
    public sealed record Question(string Text, Func<string, PlayerInput?> Answer);

    /// <summary>What stops a turn from being played: a question, a refusal, or nothing (null).</summary>
    public abstract record Verdict
    {
        private Verdict() { }

        public sealed record Asks(Question Question) : Verdict;

        public sealed record Refuses(string Text, string? Hint) : Verdict;
    }

    public Verdict? Check(PlayerInput.Turn turn, string line)
    {
        if (turn.FreeAction is not null && turn.Decision.Targets.IsEmpty && Typo(line, turn) is { } typo)
        {
            return typo;
        }
        if (Ambiguity(turn.Decision) is { } ambiguity)
        {
            return ambiguity;
        }
        var resolution = Rulebook.Resolve(state, player, turn.Decision);
        if (resolution.Veto is { } veto && resolution.Events.OfType<WorldEvent.Vetoed>().FirstOrDefault() is { } vetoed)
        {
            return new Verdict.Refuses(EventText.Describe(vetoed, state, player) ?? "", Hint(veto) is { } name ? text.DidYouMeanName(name) : null);
        }
        return null;
    }

    /// <summary>Which thing an examined name means (items, people and the place's details), when it fits several; null when it fits one or none.</summary>
    public Verdict? Ambiguity(Query.Examine examine)
    {
        var wanted = NameResolver.Normalize(examine.Target);
        var things = NameResolver.Matches(state, examine.Target, Reach().Concat(state.CharactersAt(Here)))
            .Select(id => new Choice(id, [.. ItemNames(id).Concat(CharacterNames(id))], Shown(id)));
        var details = NameResolver.Details(state.World.Location(Here), examine.Target)
            .Select(d => new Choice(d.Name, [.. d.Names], text.Phrases.Definite(d.Name)));
        var choices = things.Concat(details).ToList();
        // A name typed exactly ("bell") means that one, whatever else has the word in its name.
        if (choices.Where(c => c.Names.Any(n => NameResolver.Normalize(n) == wanted)).ToList() is { Count: > 0 } exact)
        {
            choices = exact;
        }
        return choices.Count < 2 ? null : Which(choices, key => new PlayerInput.Ask(new Query.Examine(key)));
    }

    /// <summary>A visible name close to one the player typed that matches nothing ("lantren" for the lantern).</summary>
    public string? NearestName(string typed)
    {
        var visible = Reach().Select(id => (Id: id, Names: ItemNames(id)))
            .Concat(state.CharactersAt(Here).Where(c => c != player).Select(id => (Id: id, Names: CharacterNames(id))))
            .ToList();
        var wanted = NameResolver.Normalize(typed);
        var byName = visible.SelectMany(v => v.Names.Select(n => (v.Id, Name: NameResolver.Normalize(n)))).ToList();
        // A name the player typed exactly (a detail that cannot be taken) needs no suggestion of something else.
        if (byName.Any(b => b.Name == wanted) || Details().Contains(wanted))
        {
            return null;
        }
        var nearest = EditDistance.Nearest(wanted, byName.Select(b => b.Name).Concat(Details()));
        if (nearest is null)
        {
            return null;
        }
        var match = byName.FirstOrDefault(b => b.Name == nearest);
        return match.Id is null ? nearest : state.World.FindItem(match.Id) is not null ? _names.Item(match.Id) : _names.Character(match.Id);
    }

    private string Here => state.Character(player).Location;

    private IEnumerable<string> Reach() => state.ItemsAt(Here).Concat(state.Inventory(player));

    private IEnumerable<string> Details() => state.World.Location(Here).Details.SelectMany(d => d.Names).Select(NameResolver.Normalize);

    private IEnumerable<string> ItemNames(string id) => state.World.FindItem(id) is { } item ? item.Aliases.Prepend(item.Name) : [];

    private IEnumerable<string> CharacterNames(string id) => state.World.FindCharacter(id) is { } c ? c.Aliases.Prepend(c.Name) : [];

    private string? Hint(VetoReason veto) => veto switch
    {
        VetoReason.UnknownItem x => NearestName(x.Name),
        VetoReason.UnknownCharacter x => NearestName(x.Name),
        _ => null,
    };

    /// <summary>
    /// "exmaine log": a first word that is no verb the parser knows but a typo away from one is asked about, when
    /// the rest names something in view (or nothing is needed after it) or the word is long enough that a clash
    /// with a real verb is unlikely. "no" plays it as typed.
    /// </summary>
    private Verdict? Typo(string line, PlayerInput.Turn turn)
    {
        var words = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && words[0].Length > 0 && words[0][0] > 0x2E80)
        {
            return ChineseTypo(line.Trim(), turn);
        }
        if (words.Length == 0 || !words[0].All(char.IsAsciiLetter))
        {
            return null;
        }
        var first = words[0].ToLowerInvariant();
        var rest = words.Length > 1 ? words[1] : "";
        if (PlayerInputParser.Verbs.Contains(first) || EditDistance.Nearest(first, PlayerInputParser.Verbs) is not { } verb)
        {
            return null;
        }
        var alone = PlayerInputParser.VerbsAlone.Contains(verb);
        var fits = rest.Length == 0 ? alone : !alone && (first.Length >= 5 || NamesSomethingInView(rest));
        if (!fits)
        {
            return null;
        }
        var suggestion = rest.Length == 0 ? verb : $"{verb} {rest}";
        return new Verdict.Asks(new Question(text.DidYouMean(words[0], suggestion), answer =>
            InterfaceText.IsYes(answer) ? parser.Parse(suggestion)
            : InterfaceText.IsNo(answer) ? turn
            : null));
    }

    /// <summary>
    /// "查着油灯": Chinese runs verb and noun together, so the first two characters are taken as the verb when they
    /// are one character away from a two-character verb the parser knows and the rest names something in view (or
    /// nothing follows a verb that stands alone). A one-character verb is never guessed at: any character is one
    /// edit from it.
    /// </summary>
    private Verdict? ChineseTypo(string line, PlayerInput.Turn turn)
    {
        if (line.Length < 2)
        {
            return null;
        }
        var (first, rest) = (line[..2], line[2..].Trim());
        if (PlayerInputParser.ChineseVerbs.Contains(first) || EditDistance.Nearest(first, PlayerInputParser.ChineseVerbs) is not { } verb)
        {
            return null;
        }
        var alone = PlayerInputParser.ChineseVerbsAlone.Contains(verb);
        if (rest.Length == 0 ? !alone : alone || !NamesSomethingInView(rest))
        {
            return null;
        }
        var suggestion = verb + rest;
        return new Verdict.Asks(new Question(text.DidYouMean(first, suggestion), answer =>
            InterfaceText.IsYes(answer) ? parser.Parse(suggestion)
            : InterfaceText.IsNo(answer) ? turn
            : null));
    }

    private bool NamesSomethingInView(string rest)
    {
        var wanted = NameResolver.Normalize(rest);
        return NameResolver.Matches(state, rest, Reach().Concat(state.CharactersAt(Here))).Count > 0
            || Details().Any(d => d == wanted)
            || NameResolver.Exit(state, Here, rest) is not null;
    }

    private Verdict? Ambiguity(CharacterTurn turn)
    {
        var inventory = state.Inventory(player);
        var present = Core.Perception.Perception.Present(state, player).Where(c => c != player).ToList();
        switch (turn.Command)
        {
            case WorldCommand.Take take:
                return Ask(take.Item, Reach(), id => Replace(turn, new WorldCommand.Take(id)));
            case WorldCommand.Drop drop:
                return Ask(drop.Item, inventory, id => Replace(turn, new WorldCommand.Drop(id)));
            case WorldCommand.Give give:
                return Ask(give.Item, inventory, id => Replace(turn, give with { Item = id }))
                    ?? Ask(give.To, present, id => new PlayerInput.Turn(turn with { Command = give with { To = id }, Targets = [id] }));
        }
        foreach (var target in turn.Targets)
        {
            if (Ask(target, present, id => new PlayerInput.Turn(turn with { Targets = [.. turn.Targets.Select(t => t == target ? id : t)] })) is { } which)
            {
                return which;
            }
        }
        return null;
    }

    private static PlayerInput.Turn Replace(CharacterTurn turn, WorldCommand command) => new(turn with { Command = command });

    private Verdict? Ask(string typed, IEnumerable<string> reach, Func<string, PlayerInput> with)
    {
        var matches = NameResolver.Matches(state, typed, reach);
        return matches.Count < 2 ? null : Which([.. matches.Select(id => new Choice(id, [.. ItemNames(id).Concat(CharacterNames(id))], Shown(id)))], with);
    }

    /// <summary>One of the things a name could mean: its key (an id, or a detail's name), the names it goes by, and how it is shown.</summary>
    private sealed record Choice(string Key, IReadOnlyList<string> Names, string Shown);

    private Verdict Which(List<Choice> choices, Func<string, PlayerInput> with) =>
        new Verdict.Asks(new Question(text.WhichDoYouMean([.. choices.Select(c => c.Shown)]), answer =>
        {
            // "the storm one": the whole answer first, then any one of its words that picks out one of them.
            var chosen = Picked(choices, answer);
            if (chosen.Count != 1)
            {
                chosen = [.. answer.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(word => Picked(choices, word))
                    .Where(m => m.Count == 1).SelectMany(m => m).Distinct()];
            }
            return chosen.Count == 1 ? with(chosen[0].Key) : null;
        }));

    /// <summary>The choices an answer names: exactly (a name, or the key) if any, else as a word of a name.</summary>
    private static List<Choice> Picked(IReadOnlyList<Choice> choices, string answer)
    {
        var wanted = NameResolver.Normalize(answer);
        if (wanted.Length == 0)
        {
            return [];
        }
        var exact = choices.Where(c => c.Key == answer.Trim() || c.Names.Any(n => NameResolver.Normalize(n) == wanted)).ToList();
        return exact.Count > 0 ? exact : [.. choices.Where(c => c.Names.Any(n => HasWord(NameResolver.Normalize(n), wanted)))];
    }

    // Chinese has no spaces between words: any part of a name counts.
    private static bool HasWord(string name, string word) => word.Any(ch => ch > 0x2E80)
        ? name.Contains(word, StringComparison.Ordinal)
        : name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(word);

    private string Shown(string id) => state.World.FindItem(id) is not null ? _names.Item(id) : _names.Character(id);
}
