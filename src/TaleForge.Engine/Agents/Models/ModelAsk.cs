using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Structured;

namespace TaleForge.Engine.Agents.Models;

/// <summary>One typed question to a model role, and the record the trajectory keeps of it.</summary>
internal static class ModelAsk
{
    /// <summary>Room left for chat-template markup around the messages.</summary>
    private const int TemplateSlack = 64;

    /// <summary>
    /// Tokens per character a reply may need: real tokenizers spend at most one token on most characters, byte-level
    /// ones up to three on a Chinese character; the grammar keeps the reply to the schema's length.
    /// </summary>
    private const double TokensPerCharacter = 1.5;

    public static int PromptBudget(ModelRole role, int maxOutput) => role.ContextTokens - maxOutput - TemplateSlack;

    /// <summary>Enough output tokens for the longest reply the schema allows, so the grammar, not the limit, ends it.</summary>
    public static int ReplyTokens<T>(ModelRole role, JsonElement? narrowedSchema)
    {
        var characters = ReplyBound.MaxCharacters(narrowedSchema ?? TypedJson.SchemaFor<T>()) ?? role.ContextTokens / 4;
        return Math.Min((int)Math.Ceiling(characters * TokensPerCharacter) + 16, role.ContextTokens / 2);
    }

    public static async Task<(T? Value, ModelCall Record)> AskAsync<T>(
        ModelRole role,
        AgentCall call,
        string system,
        string user,
        int maxOutput,
        JsonElement? narrowedSchema = null,
        Func<T, ReplyViolation?>? check = null,
        CancellationToken cancellation = default,
        PromptCut? trimmed = null,
        Func<ReplyProblem, string>? reask = null)
        where T : class, IReply
    {
        var schemaName = T.Schema;
        ChatMessage[] messages = [new(ChatRole.System, system), new(ChatRole.User, user)];
        var options = role.Sampling.ToChatOptions();
        options.Seed = call.Seed;
        options.MaxOutputTokens = maxOutput;
        options = options.WithCallContext(call.Context);

        var request = new TypedRequest<T>(role.Client, narrowedSchema, new TypedRequestOptions
        {
            MaxAttempts = role.MaxAttempts,
            SchemaName = schemaName,
            Reask = reask,
        });
        var result = await request.SendAsync(messages, options, check, cancellation);

        var last = result.Attempts.Count > 0 ? result.Attempts[^1] : null;
        var record = new ModelCall
        {
            Call = call,
            Model = role.Model,
            Schema = schemaName,
            Prompt = [new PromptMessage("system", system), new PromptMessage("user", user)],
            Raw = last?.RawText ?? "",
            Parsed = result.Succeeded ? JsonSerializer.SerializeToNode(result.Value, TypedJson.Options) : null,
            PromptTokens = (int)result.InputTokens,
            CompletionTokens = (int)result.OutputTokens,
            Milliseconds = result.Duration.TotalMilliseconds,
            Attempts = [.. result.Attempts.Where(a => a.Failure != ReplyFailure.None)
                .Select(a => new FailedAttempt(a.RawText, $"{a.Failure}: {a.Error}"))],
            Failure = result.Succeeded ? null : result.Error,
            Trimmed = trimmed,
        };
        return (result.Succeeded ? result.Value : null, record);
    }

    public static ImmutableArray<ModelCall> One(ModelCall call) => [call];

    /// <summary>
    /// The first prompt of <paramref name="sizes"/> (fullest first) that fits the role's context, and what was cut
    /// against the fullest: the smallest is sent, its cut recorded, when none fits.
    /// </summary>
    /// <param name="prompt">The user message and the observations it shows, at one size.</param>
    public static (string User, PromptCut? Cut) Fit<TSize>(
        ModelRole role, string system, int maxOutput, IReadOnlyList<TSize> sizes, Func<TSize, (string User, int Observations)> prompt)
    {
        var budget = PromptBudget(role, maxOutput);
        var fullest = prompt(sizes[0]);
        var chosen = fullest;
        foreach (var size in sizes)
        {
            chosen = prompt(size);
            if (role.Tokens(system) + role.Tokens(chosen.User) <= budget)
            {
                break;
            }
        }
        var cut = chosen.User == fullest.User ? null
            : new PromptCut(fullest.Observations - chosen.Observations, role.Tokens(fullest.User) - role.Tokens(chosen.User));
        return (chosen.User, cut);
    }
}
