using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using TaleForge.Cli.Commands;
using TaleForge.CommandLine;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Backends;
using TaleForge.Remote;

namespace TaleForge.Cli.Models;

/// <summary>
/// The model options shared by play and simulate, named as llama.cpp names them (-m, -c, -t, -ngl, --temp), and
/// how they become a cast: one loaded client per distinct file, shared by every role that uses it, so requests
/// from the narrator and the characters are batched together.
/// </summary>
internal sealed class ModelOptions
{
    private readonly Option<string?> _model = new("--model", "-m") { Description = "GGUF model for the characters (and the narrator unless --narrator-model). None: authored mode." };
    private readonly Option<string?> _narratorModel = new("--narrator-model") { Description = "GGUF model for the narrator." };
    private readonly Option<string[]> _characterModel = new("--character-model") { Description = "ID=FILE: a model for one character (repeatable).", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _backend = new("--backend") { Description = Backends.OptionDescription };
    private readonly Option<int?> _context = new("--ctx-size", "-c") { Description = "Context size in tokens (default 16384): one stream per concurrent request where memory holds them (docs/llama.md), else shared." };
    private readonly Option<int?> _threads = new("--threads", "-t") { Description = "CPU threads for generation." };
    private readonly Option<int?> _gpuLayers = new("--n-gpu-layers", "-ngl") { Description = "Layers to offload to an NVIDIA GPU (-1: all)." };
    private readonly Option<float?> _temperature = new("--temp") { Description = "Sampling temperature (default 0.8)." };
    private readonly Option<bool> _director = new("--director") { Description = "Run the director phase on the narrator's model." };
    private readonly Option<string?> _config = new("--config") { Description = $"Settings file (default {ModelSettings.DefaultConfigPath})." };
    private readonly Option<int> _candidates = new("--candidates") { Description = "Turns sampled per character turn; a judge picks the one played and the others are kept for preference pairs (default 1).", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _judgeModel = new("--judge-model") { Description = "GGUF model (or URL,MODEL endpoint) that picks among --candidates; default: the character's own model." };
    private readonly Option<string?> _prompts = PromptFolder.Option();
    private readonly RemoteOptions _remote = new();

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _model.NotBlank();
        _narratorModel.NotBlank();
        _config.NotBlank();
        _backend.Among(OptionRanges.Backend);
        _context.Within(OptionRanges.ContextSize);
        _threads.Within(OptionRanges.Threads);
        _gpuLayers.Within(OptionRanges.GpuLayers);
        _temperature.Within(OptionRanges.Temperature);
        _candidates.Within(OptionRanges.Candidates);
        _judgeModel.NotBlank();
        command.Add(_model);
        command.Add(_narratorModel);
        command.Add(_characterModel);
        command.Add(_backend);
        command.Add(_context);
        command.Add(_threads);
        command.Add(_gpuLayers);
        command.Add(_temperature);
        command.Add(_director);
        command.Add(_config);
        command.Add(_candidates);
        command.Add(_judgeModel);
        command.Add(_prompts);
        _remote.AddTo(command);
    }

    /// <summary>The config file read (--config, else the default): where the full-screen settings dialog writes.</summary>
    public string ConfigPath(ParseResult parse) => parse?.GetValue(_config) ?? ModelSettings.DefaultConfigPath;

    /// <summary>Defaults, then the config file, then TALEFORGE_* variables, then flags.</summary>
    public ModelSettings Settings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = new ModelSettings()
            .WithConfigFile(parse.GetValue(_config) ?? ModelSettings.DefaultConfigPath)
            .WithEnvironment(Environment.GetEnvironmentVariable);
        return settings with
        {
            Model = parse.GetValue(_model) ?? settings.Model,
            NarratorModel = parse.GetValue(_narratorModel) ?? settings.NarratorModel,
            Backend = parse.GetValue(_backend) is { } backend ? OptionRanges.Backend.Checked(backend, "--backend") : settings.Backend,
            ContextSize = parse.GetValue(_context) ?? settings.ContextSize,
            Threads = parse.GetValue(_threads) ?? settings.Threads,
            GpuLayers = parse.GetValue(_gpuLayers) ?? settings.GpuLayers,
            Temperature = parse.GetValue(_temperature) ?? settings.Temperature,
        };
    }

    public async Task<LoadedCast> CastAsync(ParseResult parse, WorldDefinition world, string? player, ILoadProgress progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(world);
        // The templates are checked first: a typo in one should not wait for a model to load.
        var prompts = PromptFolder.Load(parse.GetValue(_prompts));
        var settings = Settings(parse);
        // A role's source is a GGUF file or an endpoint ("URL,MODEL"); from here on both are handled alike.
        var remote = _remote.Settings(parse, parse.GetValue(_config) ?? ModelSettings.DefaultConfigPath);
        if (remote.CharacterSource is { } endpoint)
        {
            settings = settings.Model is null ? settings with { Model = endpoint }
                : throw new TaleForgeException("Give the characters --model FILE or --endpoint URL, not both (--character-model and --character-endpoint set single characters).");
        }
        var overrides = ParseOverrides([.. parse.GetValue(_characterModel) ?? [], .. remote.CharacterEndpoints], world);
        var narratorFile = settings.NarratorModel ?? remote.NarratorEndpoint ?? settings.Model;
        var candidates = parse.GetValue(_candidates);
        var judgeFile = parse.GetValue(_judgeModel);
        if (judgeFile is not null && candidates < 2)
        {
            throw OptionChecks.Usage("--judge-model picks among candidate turns; give --candidates N (2 or more) as well.");
        }
        if (candidates > 1 && settings.Model is null && overrides.Count == 0)
        {
            throw OptionChecks.Usage("--candidates samples a model's turns; give the characters a model (--model FILE or --endpoint URL).");
        }
        if (settings.Model is null && narratorFile is null && overrides.Count == 0)
        {
            return new LoadedCast(Cast.Authored(world, player) with { Director = false }, "", [], settings.Sampling, [], prompts);
        }

        var backends = new Dictionary<string, IModelBackend>(StringComparer.Ordinal);
        async Task<IModelBackend> BackendFor(string file)
        {
            var key = RemoteEndpoint.IsEndpoint(file) ? file : Path.GetFullPath(file);
            if (!backends.TryGetValue(key, out var backend))
            {
                backend = await Backends.OpenAsync(file, settings, remote, progress, cancellation);
                backends[key] = backend;
            }
            return backend;
        }
        async Task<ModelRole> RoleFor(string file) => ModelRole.For(await BackendFor(file), Backends.NameOf(file), settings.Sampling);
        async Task<ModelReference> ReferenceFor(Role role, string file) =>
            ModelReference.Of(role, await (await BackendFor(file)).ReferenceAsync(cancellation));

        try
        {
            // Which file plays which role, loaded once per file; then the cast is put together by the episode's rule.
            var files = new Dictionary<Role, string>();
            if (settings.Model is not null)
            {
                files[Role.Characters] = settings.Model;
            }
            if (narratorFile is not null)
            {
                files[Role.Narrator] = narratorFile;
            }
            foreach (var (id, file) in overrides)
            {
                files[Role.Character(id)] = file;
            }
            if (judgeFile is not null)
            {
                files[Role.Judge] = judgeFile;
            }
            var references = new List<ModelReference>();
            var roles = new Dictionary<Role, ModelRole>();
            foreach (var (role, file) in files)
            {
                references.Add(await ReferenceFor(role, file));
                roles[role] = await RoleFor(file);
            }
            var cast = EpisodeCast.Build(
                world, player, parse.GetValue(_director) && narratorFile is not null,
                role => EpisodeSpec.ModelIn(references, role), reference => roles[reference.Role], candidates: candidates, prompts: prompts);
            var description = string.Join("; ", references.Select(r => $"{r.Role}: {r.File} ({r.Backend})"));
            return new LoadedCast(cast, description, [.. references], settings.Sampling, [.. backends.Values], prompts);
        }
        catch
        {
            foreach (var backend in backends.Values)
            {
                backend.Dispose();
            }
            throw;
        }
    }

    private static Dictionary<string, string> ParseOverrides(IEnumerable<string> values, WorldDefinition world)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new TaleForgeException($"--character-model takes ID=FILE (e.g. --character-model abel=abel.gguf), not '{value}'.");
            }
            if (world.FindCharacter(parts[0]) is null)
            {
                throw new TaleForgeException(
                    $"--character-model names '{parts[0]}', but the world has no such character; its characters are {string.Join(", ", world.Characters.Select(c => c.Id))}.");
            }
            overrides[parts[0]] = parts[1];
        }
        return overrides;
    }

    public static string Describe(int value) => value.ToString(CultureInfo.InvariantCulture);
}
