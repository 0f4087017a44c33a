using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using TaleForge.Core;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>
/// The templates a run prompts with: the built-in ones, English and Chinese, each replaced by a file of the same
/// name in a folder the researcher gives (<c>DIR/en/character-turn.sbn</c>). Every template is parsed and checked
/// when the set is loaded, all problems reported at once, so a typo stops the run before its first call.
/// Chosen once per run and handed to the cast; nothing about it is global.
/// </summary>
public sealed class PromptSet
{
    public const string Extension = ".sbn";

    private readonly ImmutableDictionary<string, PromptKind> _kinds;
    private readonly ImmutableDictionary<(string Language, string Name), PromptTemplate> _templates;

    private PromptSet(ImmutableDictionary<string, PromptKind> kinds, ImmutableDictionary<(string, string), PromptTemplate> templates, string? folder, string? hash)
    {
        _kinds = kinds;
        _templates = templates;
        Folder = folder;
        Sha256 = hash;
    }

    /// <summary>The built-in templates of the engine's own calls (characters, narrator, candidate picks).</summary>
    public static PromptSet BuiltIn { get; } = Load(EnginePrompts.Kinds);

    /// <summary>The folder whose templates replace built-in ones; null for the built-in set.</summary>
    public string? Folder { get; }

    /// <summary>SHA-256 of the folder's templates (names and contents); null for the built-in set.</summary>
    public string? Sha256 { get; }

    /// <summary>How a trajectory header names this set: null when built-in, else the folder's name and its hash.</summary>
    public string? Description => Folder is null ? null : $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder))} sha256:{Sha256}";

    /// <summary>The kinds this set renders.</summary>
    public IEnumerable<PromptKind> Kinds => _kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal);

    /// <summary>
    /// The built-in templates of <paramref name="kinds"/>, each replaced by <paramref name="folder"/>'s file of the
    /// same relative name when there is one. Throws <see cref="PromptTemplateException"/> naming every bad file and line.
    /// </summary>
    public static PromptSet Load(IEnumerable<PromptKind> kinds, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var byName = kinds.ToImmutableDictionary(k => k.Name, StringComparer.Ordinal);
        var errors = new List<string>();
        var overrides = folder is null ? [] : Overrides(folder, byName, errors);
        var templates = ImmutableDictionary.CreateBuilder<(string, string), PromptTemplate>();
        foreach (var kind in byName.Values.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            foreach (var language in PromptLanguage.All)
            {
                var relative = RelativeName(language, kind.Name);
                var (text, source) = overrides.TryGetValue(relative, out var path)
                    ? (File.ReadAllText(path), path)
                    : (BuiltInText(kind, language), "built-in " + relative);
                if (PromptTemplate.Parse(text, source, kind, errors) is { } template)
                {
                    templates[(language, kind.Name)] = template;
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new PromptTemplateException(errors);
        }
        return new PromptSet(byName, templates.ToImmutable(), folder is null ? null : Path.GetFullPath(folder), folder is null ? null : Hash(overrides));
    }

    /// <summary>The same templates with those of other kinds added (built-in, or from this set's folder).</summary>
    public PromptSet With(IEnumerable<PromptKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return Load(_kinds.Values.Concat(kinds).DistinctBy(k => k.Name), Folder);
    }

    /// <summary>The text a template of <paramref name="kind"/> gives for a world in <paramref name="language"/>.</summary>
    public string Render(PromptKind kind, string language, object fields)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(language);
        if (!kind.Fields.IsInstanceOfType(fields))
        {
            throw new ArgumentException($"the template '{kind.Name}' is rendered with {kind.Fields.Name}, not {fields?.GetType().Name}.", nameof(fields));
        }
        return _templates.TryGetValue((PromptLanguage.For(language), kind.Name), out var template)
            ? template.Render(fields)
            : throw new InvalidOperationException($"this prompt set has no template '{kind.Name}'; it holds {string.Join(", ", _kinds.Keys.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>The built-in template of a kind, as shipped: what <c>taleforge prompts export</c> writes.</summary>
    public static string BuiltInText(PromptKind kind, string language)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var resource = "prompts/" + RelativeName(language, kind.Name);
        using var stream = kind.Resources.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the built-in template {resource} is missing from {kind.Resources.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>A template's name relative to a prompt folder: <c>en/character-turn.sbn</c>.</summary>
    public static string RelativeName(string language, string name) => $"{language}/{name}{Extension}";

    /// <summary>The folder's templates by relative name; a file no kind is called is an error, not silently unused.</summary>
    private static Dictionary<string, string> Overrides(string folder, ImmutableDictionary<string, PromptKind> kinds, List<string> errors)
    {
        if (!Directory.Exists(folder))
        {
            throw new TaleForgeException($"the prompt folder {Path.GetFullPath(folder)} does not exist; write the built-in templates there with 'taleforge prompts export {folder}'.") { ExitCode = 2 };
        }
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            var parts = relative.Split('/');
            var name = Path.GetFileNameWithoutExtension(path);
            if (parts.Length != 2 || !PromptLanguage.All.Contains(parts[0]))
            {
                errors.Add($"{path}:1: a template belongs in {string.Join(" or ", PromptLanguage.All.Select(l => l + "/"))} of the prompt folder");
            }
            else if (!kinds.ContainsKey(name))
            {
                errors.Add($"{path}:1: no prompt is called '{name}'; the prompts are {string.Join(", ", kinds.Keys.Order(StringComparer.Ordinal))}");
            }
            else
            {
                found[relative] = path;
            }
        }
        return found;
    }

    private static string Hash(Dictionary<string, string> overrides)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, path) in overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            hash.AppendData(File.ReadAllBytes(path));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
