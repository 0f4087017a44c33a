using System.Security.Cryptography;
using System.Text;
using TaleForge.Core.State;

namespace TaleForge.Engine.Saves;

/// <summary>
/// A hash of everything a world state holds, in a canonical order, so a save can prove that folding its
/// trajectory gives back exactly the state it was saved in.
/// </summary>
public static class StateDigest
{
    public static string Of(WorldState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = new StringBuilder();
        foreach (var (id, c) in state.Characters)
        {
            text.Append("character ").Append(id).Append('|').Append(c.Location).Append('|').Append(c.Position).Append('|')
                .Append(c.Condition).Append('|').Append(c.Emotion).Append('|').Append(c.Beliefs.Belief).Append('|')
                .Append(c.Beliefs.Desire).Append('|').Append(c.Beliefs.Intention).Append('|')
                .Append(string.Join(",", c.Beliefs.Others.Select(o => $"{o.Key}={o.Value}"))).Append('|')
                .Append(string.Join(",", c.Memories.Select(m => $"{m.Text}@{m.Time}"))).Append('\n');
        }
        foreach (var (id, place) in state.Items)
        {
            text.Append("item ").Append(id).Append('|').Append(place.ToString()).Append('\n');
        }
        text.Append("flags ").Append(string.Join(",", state.Flags)).Append('\n');
        text.Append("clock ").Append(state.Clock.TotalMinutes).Append('\n');
        if (state.Scene is { } scene)
        {
            text.Append("scene ").Append(scene.Id).Append('|').Append(scene.Round).Append('|').Append(scene.Environment).Append('|')
                .Append(scene.Time).Append('|').Append(string.Join(",", scene.FiredTriggers.Order(StringComparer.Ordinal))).Append('\n');
        }
        text.Append("lines ").Append(string.Join(",", state.UsedLines.Order(StringComparer.Ordinal))).Append('\n');
        text.Append("ending ").Append(state.Ending ?? "").Append('\n');
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
