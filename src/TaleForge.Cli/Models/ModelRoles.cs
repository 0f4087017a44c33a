using Microsoft.Extensions.AI;
using TaleForge.Engine.Agents.Models;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.Cli.Models;

/// <summary>
/// A loaded model as one role uses it: sampling, context share and tokenizer from the settings. Play, simulation
/// and replay all build roles here, so a verified re-run asks the model exactly as the recorded run did.
/// </summary>
internal static class ModelRoles
{
    public static ModelRole For(LlamaChatClient client, string path, ModelSettings settings) => new()
    {
        Client = client,
        Model = Path.GetFileName(path),
        Sampling = new ChatOptions { Temperature = settings.Temperature ?? 0.8f, TopP = 0.95f },
        ContextTokens = client.ContextSize / Math.Max(1, settings.Parallel),
        CountTokens = text => client.Model.Tokenize(text).Length,
    };
}
