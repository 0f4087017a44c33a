using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Evaluation.Objective;

/// <summary>A character's own words that name another's secret it had no way to know.</summary>
public sealed record Leak(string Trajectory, long Step, string Scene, string Character, string Owner, string Secret, string Keyword, string Text);

/// <summary>
/// Knowledge leaks: a text a character chose (an action or a line) that contains a keyword of another
/// character's secret, when nothing it knew or perceived held that keyword. Allowed: its own secrets, words of its
/// background and knowledge, and any word it had perceived earlier in something another said, did or narrated
/// (overhearing is learning). Keywords match as whole words, ignoring case, as lore keys do.
/// </summary>
public static class KnowledgeLeaks
{
    /// <summary>Per character: how many texts it wrote, and the leaks among them (a text may leak several secrets).</summary>
    public static IReadOnlyDictionary<string, (int Texts, ImmutableArray<Leak> Leaks)> Of(PlayedEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var world = episode.World;
        var secrets = world.Characters
            .SelectMany(c => c.Secrets.SelectMany(s => s.Keywords.Where(k => k.Length > 0).Select(k => (Owner: c.Id, Secret: s.Id, Keyword: k))))
            .ToList();
        var keywords = secrets.Select(s => s.Keyword).Distinct(StringComparer.Ordinal).ToList();
        var known = world.Characters.ToDictionary(c => c.Id, c => KnownFromTheStart(c, keywords), StringComparer.Ordinal);
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        var leaks = new Dictionary<string, ImmutableArray<Leak>.Builder>(StringComparer.Ordinal);

        foreach (var scene in episode.Scenes)
        {
            foreach (var e in scene.Events)
            {
                var actor = Doings.ActorOf(e);
                if (actor is not null && Doings.TextOf(e) is { Length: > 0 } text)
                {
                    texts[actor] = texts.GetValueOrDefault(actor) + 1;
                    var mind = known.GetValueOrDefault(actor) ?? [];
                    foreach (var (owner, secret, keyword) in secrets)
                    {
                        if (owner != actor && !mind.Contains(keyword) && WordMatch.Contains(text, keyword))
                        {
                            if (!leaks.TryGetValue(actor, out var list))
                            {
                                leaks[actor] = list = ImmutableArray.CreateBuilder<Leak>();
                            }
                            list.Add(new Leak(episode.Name, e.Record.Step, scene.Key, actor, owner, secret, keyword, text));
                        }
                    }
                }
                if (!Doings.IsPerceivable(e.Event))
                {
                    continue;
                }
                foreach (var observer in e.Record.Observers.Where(o => o != actor && known.ContainsKey(o)))
                {
                    if (e.TextFor(observer) is { Length: > 0 } seen)
                    {
                        known[observer].UnionWith(keywords.Where(k => WordMatch.Contains(seen, k)));
                    }
                }
            }
        }
        return texts.Keys.Concat(leaks.Keys).Distinct(StringComparer.Ordinal).ToDictionary(
            c => c,
            c => (texts.GetValueOrDefault(c), leaks.TryGetValue(c, out var list) ? list.ToImmutable() : ImmutableArray<Leak>.Empty),
            StringComparer.Ordinal);
    }

    /// <summary>Keywords a character may use before play begins: its own secrets' and any its background or knowledge holds.</summary>
    private static HashSet<string> KnownFromTheStart(CharacterDefinition character, IReadOnlyList<string> keywords)
    {
        var own = character.Secrets.SelectMany(s => s.Keywords).ToHashSet(StringComparer.Ordinal);
        var lore = string.Join("\n", character.Knowledge.Prepend(character.Background));
        own.UnionWith(keywords.Where(k => WordMatch.Contains(lore, k)));
        return own;
    }
}
