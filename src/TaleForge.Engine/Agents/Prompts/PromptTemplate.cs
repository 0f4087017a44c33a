using System.Collections.Immutable;
using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>
/// One template, parsed once and checked against the fields of its kind: a syntax error or a placeholder its
/// kind does not offer is reported with the file and line, before any model is asked.
/// </summary>
internal sealed class PromptTemplate
{
    /// <summary>Names every template may read besides its fields: Scriban's own objects and loop variables, and ours.</summary>
    private static readonly ImmutableSortedSet<string> Always =
        [.. new TemplateContext().BuiltinObject.Keys, "for", "while", "tablerow", "filled"];

    private readonly Template _template;

    private PromptTemplate(Template template, string source)
    {
        _template = template;
        Source = source;
    }

    /// <summary>Where the template came from (a file path, or the built-in name), as errors name it.</summary>
    public string Source { get; }

    /// <summary>The template, or null with every problem added to <paramref name="errors"/> as "SOURCE:LINE: problem".</summary>
    public static PromptTemplate? Parse(string text, string source, PromptKind kind, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(errors);
        var template = Template.Parse(text, source);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                errors.Add(Where(source, message.Span) + ": " + message.Message);
            }
            return null;
        }
        var unknown = template.Page is null ? [] : Unknown(template.Page, kind.Placeholders);
        foreach (var (name, span) in unknown)
        {
            errors.Add($"{Where(source, span)}: unknown placeholder '{name}'; known: {string.Join(", ", kind.Placeholders)}");
        }
        return unknown.Count == 0 ? new PromptTemplate(template, source) : null;
    }

    /// <summary>
    /// The text for one call; the fields are read by their snake_case names ("world_title"). The line break that
    /// ends a template file is not part of its text: callers join the parts of a prompt themselves.
    /// </summary>
    public string Render(object fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var globals = new ScriptObject();
        globals.Import(fields, renamer: StandardMemberRenamer.Default);
        globals.Import("filled", new Func<IEnumerable<object?>, ScriptArray>(Filled));
        var context = new TemplateContext
        {
            StrictVariables = true,
            MemberRenamer = StandardMemberRenamer.Default,
            LoopLimit = 0,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        return _template.Render(context).TrimEnd('\r', '\n');
    }

    /// <summary>The non-empty texts of a list: "a, b" rather than "a, , b" when a field is blank.</summary>
    private static ScriptArray Filled(IEnumerable<object?> values) =>
        [.. values.Select(v => v?.ToString() ?? "").Where(v => v.Length > 0)];

    /// <summary>Every variable a template reads that is neither a field, nor declared by the template, nor built in.</summary>
    private static List<(string Name, SourceSpan Span)> Unknown(ScriptNode page, ImmutableSortedSet<string> fields)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var read = new List<(string, SourceSpan)>();
        Walk(page, declared, read);
        return [.. read.Where(r => !fields.Contains(r.Item1) && !declared.Contains(r.Item1) && !Always.Contains(r.Item1))
            .DistinctBy(r => r.Item1)];
    }

    private static void Walk(ScriptNode? node, HashSet<string> declared, List<(string, SourceSpan)> read)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptVariableGlobal variable:
                read.Add((variable.Name, variable.Span));
                return;
            case ScriptMemberExpression member:
                // "scene.title": only the object is a variable; the member is looked up on it.
                Walk(member.Target, declared, read);
                return;
            case ScriptForStatement loop when loop.Variable is ScriptVariable v:
                declared.Add(v.Name);
                break;
            case ScriptAssignExpression { Target: ScriptVariable target }:
                declared.Add(target.Name);
                break;
            case ScriptCaptureStatement { Target: ScriptVariable captured }:
                declared.Add(captured.Name);
                break;
            case ScriptFunction function:
                if (function.NameOrDoToken is ScriptVariable name)
                {
                    declared.Add(name.Name);
                }
                foreach (var parameter in function.Parameters ?? [])
                {
                    if (parameter.Name is { } named)
                    {
                        declared.Add(named.Name);
                    }
                }
                break;
        }
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            Walk(node.GetChildren(i), declared, read);
        }
    }

    private static string Where(string source, SourceSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{source}:{span.Start.Line + 1}");
}
