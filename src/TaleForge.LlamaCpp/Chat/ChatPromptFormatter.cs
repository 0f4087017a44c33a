using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Model;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Chat;

/// <summary>
/// Renders chat messages into the model's prompt text with <c>llama_chat_apply_template</c> and the template stored
/// in the GGUF file. llama.cpp recognises only built-in styles (ChatML, Llama 3, Gemma, Mistral, Phi, ...); for a
/// model without a template, or with one it does not recognise, we fall back to ChatML, which most instruction-tuned
/// models of the Qwen, Yi and Hermes families use:
/// <code>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n ... &lt;|im_start|&gt;assistant\n</code>
/// </summary>
internal static unsafe class ChatPromptFormatter
{
    public static string Format(LlamaModel model, IEnumerable<ChatMessage> messages, string? instructions, out bool usedFallback)
    {
        var list = new List<(string Role, string Content)>();
        if (!string.IsNullOrEmpty(instructions))
        {
            list.Add(("system", instructions));
        }
        list.AddRange(messages.Select(m => (m.Role.Value, m.Text)));
        if (model.ChatTemplate is { } template && TryApply(template, list, out var rendered))
        {
            usedFallback = false;
            return rendered;
        }
        usedFallback = true;
        return FormatChatMl(list);
    }

    public static string FormatChatMl(IEnumerable<(string Role, string Content)> messages)
    {
        var text = new StringBuilder();
        foreach (var (role, content) in messages)
        {
            text.Append("<|im_start|>").Append(role).Append('\n').Append(content).Append("<|im_end|>\n");
        }
        return text.Append("<|im_start|>assistant\n").ToString();
    }

    private static bool TryApply(string template, List<(string Role, string Content)> messages, out string rendered)
    {
        var strings = new List<IntPtr>();
        try
        {
            var native = new LlamaChatMessage[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                native[i].Role = Marshal.StringToCoTaskMemUTF8(messages[i].Role);
                strings.Add(native[i].Role);
                native[i].Content = Marshal.StringToCoTaskMemUTF8(messages[i].Content);
                strings.Add(native[i].Content);
            }
            var templateBytes = Encoding.UTF8.GetBytes(template + "\0");
            var capacity = Math.Max(256, messages.Sum(m => Encoding.UTF8.GetByteCount(m.Content) + 64) * 2);
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var buffer = new byte[capacity];
                int length;
                fixed (byte* t = templateBytes)
                fixed (LlamaChatMessage* m = native)
                fixed (byte* b = buffer)
                {
                    length = LlamaApi.ChatApplyTemplate(t, m, (nuint)native.Length, true, b, buffer.Length);
                }
                if (length < 0)
                {
                    break;
                }
                if (length <= buffer.Length)
                {
                    rendered = Encoding.UTF8.GetString(buffer, 0, length);
                    return true;
                }
                capacity = length;
            }
        }
        finally
        {
            strings.ForEach(Marshal.FreeCoTaskMem);
        }
        rendered = "";
        return false;
    }
}
