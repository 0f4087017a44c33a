using System.Collections.Immutable;
using TaleForge.Core;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>Every problem found in a prompt set's templates, each as "FILE:LINE: problem".</summary>
public sealed class PromptTemplateException : TaleForgeException
{
    public PromptTemplateException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors) + Environment.NewLine
            + "Fix the templates named above (the built-in ones are written by 'taleforge prompts export DIR').")
    {
        Errors = [.. errors];
    }

    public ImmutableArray<string> Errors { get; }
}
