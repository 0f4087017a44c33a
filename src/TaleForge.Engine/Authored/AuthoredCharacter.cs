using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Rules;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;

namespace TaleForge.Engine.Authored;

/// <summary>
/// Plays a character from its author's lines when no model is configured: on its turn the first line whose
/// scene and condition fit and that is not used up; when acted upon, the first reaction whose words, actor and
/// condition fit. Deterministic, so authors can test worlds and tests can script whole play-throughs.
/// </summary>
public sealed class AuthoredCharacter(string waitAction) : ICharacterAgent
{
    public Task<AgentResult<Beliefs>> ReviseBeliefsAsync(CharacterView view, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<Beliefs>.Authored(null));

    public Task<AgentResult<ImmutableArray<string>>> ReflectAsync(CharacterView view, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<ImmutableArray<string>>.Authored([]));

    public Task<AgentResult<CharacterTurn>> DecideTurnAsync(CharacterView view, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        var lines = view.Character.Authored.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var key = line.Id ?? $"line{i + 1}";
            if ((line.Scene is not null && line.Scene != view.Script.SceneId)
                || (line.Once && view.Script.Used(key))
                || !view.Script.Holds(line.When))
            {
                continue;
            }
            return Task.FromResult(AgentResult<CharacterTurn>.Authored(new CharacterTurn
            {
                Action = line.Action,
                Dialogue = line.Say,
                Command = line.Act is { } act ? WorldCommand.From(act) : null,
                Targets = line.Act is AuthoredAct.Give give ? [give.To] : [],
                Emotion = line.Emotion,
                Line = new AuthoredCue(key) { SetFlags = line.SetFlags },
            }));
        }
        return Task.FromResult(AgentResult<CharacterTurn>.Authored(CharacterTurn.Waiting(waitAction)));
    }

    public Task<AgentResult<Reaction>> ReactAsync(CharacterView view, ReactionCue cue, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(cue);
        var heard = $"{cue.Action} {cue.Dialogue} {cue.Impact}";
        var reactions = view.Character.Authored.Reactions;
        for (var i = 0; i < reactions.Length; i++)
        {
            var reaction = reactions[i];
            var key = $"reaction{i + 1}";
            if ((reaction.From is not null && reaction.From != cue.ActorId)
                || (reaction.On.Length > 0 && !reaction.On.Any(word => WordMatch.Contains(heard, word)))
                || (reaction.Once && view.Script.Used(key))
                || !view.Script.Holds(reaction.When))
            {
                continue;
            }
            return Task.FromResult(AgentResult<Reaction>.Authored(new Reaction(reaction.Action)
            {
                Dialogue = reaction.Say,
                Emotion = reaction.Emotion,
                Command = reaction.Act is { } act ? WorldCommand.From(act) : null,
                Line = new AuthoredCue(key) { SetFlags = reaction.SetFlags },
            }));
        }
        return Task.FromResult(AgentResult<Reaction>.Authored(null));
    }
}
