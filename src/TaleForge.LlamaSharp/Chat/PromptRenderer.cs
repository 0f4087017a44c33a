using System.Text;
using LLama;
using LLama.Exceptions;
using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.LlamaSharp.Chat;

/// <summary>
/// Renders messages with the chat template in the GGUF file through LLamaSharp's <see cref="LLamaTemplate"/>
/// (llama.cpp's built-in styles), falling back to ChatML as our own backend does. LLamaSharp's own chat client
/// formats with a history transform of its own instead, which is why this backend does not use it.
/// </summary>
internal static class PromptRenderer
{
    public static string Render(LLamaWeights weights, IEnumerable<ChatMessage> messages, string? instructions)
    {
        var list = new List<(string Role, string Content)>();
        if (!string.IsNullOrEmpty(instructions))
        {
            list.Add(("system", instructions));
        }
        list.AddRange(messages.Select(m => (m.Role.Value, m.Text)));
        if (weights.NativeHandle.GetTemplate(null, strict: false) is not null)
        {
            try
            {
                var template = new LLamaTemplate(weights, strict: false) { AddAssistant = true };
                foreach (var (role, content) in list)
                {
                    template.Add(role, content);
                }
                return Encoding.UTF8.GetString(template.Apply());
            }
            catch (MissingTemplateException)
            {
                // A template llama.cpp does not recognise: ChatML below, as our backend does.
            }
        }
        return ChatPromptFormatter.FormatChatMl(list);
    }
}
