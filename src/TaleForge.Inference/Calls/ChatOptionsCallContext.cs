using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Calls;

/// <summary>Carries a <see cref="ModelCallContext"/> in <see cref="ChatOptions.AdditionalProperties"/>.</summary>
public static class ChatOptionsCallContext
{
    /// <summary>The additional-properties key; backends ignore keys they do not know.</summary>
    public const string Key = "taleforge.call";

    /// <summary>A copy of <paramref name="options"/> (or new options) that carries <paramref name="context"/>; the original is untouched.</summary>
    public static ChatOptions WithCallContext(this ChatOptions? options, ModelCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var copy = options?.Clone() ?? new ChatOptions();
        copy.AdditionalProperties = copy.AdditionalProperties is null ? [] : new AdditionalPropertiesDictionary(copy.AdditionalProperties);
        copy.AdditionalProperties[Key] = context;
        return copy;
    }

    /// <summary>The context attached with <see cref="WithCallContext"/>, or null.</summary>
    public static ModelCallContext? GetCallContext(this ChatOptions? options) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(Key, out var value) ? value as ModelCallContext : null;
}
