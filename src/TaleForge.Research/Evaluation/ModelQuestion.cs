using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.Engine.Agents.Models;
using TaleForge.Inference.Backends;
using TaleForge.Inference.Structured;

namespace TaleForge.Research.Evaluation;

/// <summary>An answer of type T, or why none came, with the attempts it took.</summary>
public sealed record Answer<T>(T? Value, int Attempts, int FormatFailures, string? Failure) where T : class
{
    /// <summary>Why each refused attempt was refused, in order.</summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];
}

/// <summary>
/// One typed question an evaluation asks a model (a judge, an interviewed character): greedy decoding (temperature
/// 0) with a fixed seed, so the same model gives the same verdict; room for the longest reply the schema allows.
/// </summary>
internal static class ModelQuestion
{
    /// <summary>Room left for chat-template markup around the messages.</summary>
    private const int TemplateSlack = 64;

    public static int PromptBudget(ModelRole role, int maxOutput) => role.ContextTokens - maxOutput - TemplateSlack;

    public static bool Fits(ModelRole role, int maxOutput, string system, string user) =>
        role.Tokens(system) + role.Tokens(user) <= PromptBudget(role, maxOutput);

    /// <summary>The first prompt that fits the role's context, or an error that says how much context is needed.</summary>
    public static (string System, string User) FirstThatFits(ModelRole role, int maxOutput, string what, IEnumerable<(string System, string User)> prompts)
    {
        (string System, string User)? last = null;
        foreach (var prompt in prompts)
        {
            if (Fits(role, maxOutput, prompt.System, prompt.User))
            {
                return prompt;
            }
            last = prompt;
        }
        var needed = last is { } p ? role.Tokens(p.System) + role.Tokens(p.User) + maxOutput + TemplateSlack : maxOutput + TemplateSlack;
        throw new TaleForgeException(
            $"the model {role.Model} has {role.ContextTokens} tokens of context per request, but {what} needs at least {needed} "
            + "(the prompt at its shortest plus the longest reply); give it a larger context with -c.");
    }

    public static async Task<Answer<T>> AskAsync<T>(
        ModelRole role, string schemaName, string system, string user, int maxOutput, long seed, CancellationToken cancellation,
        JsonElement? schema = null)
        where T : class
    {
        ChatMessage[] messages = [new(ChatRole.System, system), new(ChatRole.User, user)];
        // A verdict never depends on luck: whatever the role samples with, questions are answered greedily.
        var options = (role.Sampling with { Temperature = Sampling.Greedy.Temperature }).ToChatOptions();
        options.Seed = seed;
        options.MaxOutputTokens = maxOutput;
        var request = new TypedRequest<T>(role.Client, schema, new TypedRequestOptions { MaxAttempts = role.MaxAttempts, SchemaName = schemaName });
        var result = await request.SendAsync(messages, options, check: null, cancellation).ConfigureAwait(false);
        return new Answer<T>(result.Succeeded ? result.Value : null, result.Attempts.Count, result.FormatFailures, result.Error)
        {
            Refusals = [.. result.Attempts.Where(a => a.Failure != ReplyFailure.None).Select(a => $"{a.Failure}: {a.Error}")],
        };
    }
}
