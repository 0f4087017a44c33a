using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Backends;

namespace TaleForge.Cli.Models;

/// <summary>
/// The models a trajectory's header names, found and loaded again for a re-run: each file located (a --model
/// given, else beside the trajectory, else the current folder), its SHA-256 checked against the header, and
/// loaded with the recorded settings, so the re-run asks the same model the same way.
/// </summary>
internal static class RecordedModels
{
    /// <summary>The cast the recording's episode spec describes, with its models loaded; authored roles stay authored.</summary>
    public static async Task<LoadedCast> CastAsync(
        TrajectoryFile trajectory, WorldDefinition world, IReadOnlyList<string> given, PromptSet prompts, ILoadProgress progress, CancellationToken cancellation)
    {
        var spec = EpisodeSpec.Of(trajectory.Header);
        if (spec.IsAuthored)
        {
            return new LoadedCast(Cast.Authored(world, spec.Player) with { Director = spec.Director }, "authored", [], spec.Sampling, [], prompts);
        }
        var backends = new Dictionary<string, IModelBackend>(StringComparer.Ordinal);
        try
        {
            // Each recorded model found and loaded once, whatever roles it played; then the cast is put together.
            var roles = new Dictionary<string, ModelRole>(StringComparer.Ordinal);
            foreach (var reference in spec.Models)
            {
                if (reference.Endpoint is { } endpoint)
                {
                    // A model that was served: asked for again at the same endpoint (key and limits from TALEFORGE_* variables).
                    var source = $"{endpoint},{reference.Parameters.GetValueOrDefault("requested_model") ?? reference.File}";
                    if (!backends.TryGetValue(source, out var remote))
                    {
                        backends[source] = remote = await Backends.OpenAsync(
                            source, Settings(reference), new RemoteSettings().WithEnvironment(Environment.GetEnvironmentVariable), progress, cancellation);
                    }
                    roles[reference.File] = ModelRole.For(remote, reference.File, spec.Sampling);
                    continue;
                }
                var path = await LocateAsync(trajectory, reference, given, cancellation);
                if (!backends.TryGetValue(path, out var backend))
                {
                    backends[path] = backend = await Backends.LoadAsync(path, Settings(reference), progress, cancellation);
                }
                roles[reference.File] = ModelRole.For(backend, Path.GetFileName(path), spec.Sampling);
            }
            var cast = EpisodeCast.Build(world, spec.Player, spec.Director, spec.ModelFor, reference => roles[reference.File], candidates: spec.Candidates, protocol: spec.Protocol, prompts: prompts);
            var description = string.Join("; ", spec.Models.Select(m => $"{m.Role}: {m.File}"));
            return new LoadedCast(cast, description, spec.Models, spec.Sampling, [.. backends.Values], prompts);
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

    /// <summary>Every model the recording's header names, found and loaded (once per file), by its recorded file name.</summary>
    public static async Task<LoadedModels> LoadAsync(TrajectoryFile trajectory, IReadOnlyList<string> given, ILoadProgress progress, CancellationToken cancellation)
    {
        var spec = EpisodeSpec.Of(trajectory.Header);
        var byPath = new Dictionary<string, IModelBackend>(StringComparer.Ordinal);
        var byFile = new Dictionary<string, IModelBackend>(StringComparer.Ordinal);
        try
        {
            foreach (var reference in spec.Models.Where(m => !byFile.ContainsKey(m.File)))
            {
                var path = await LocateAsync(trajectory, reference, given, cancellation);
                if (!byPath.TryGetValue(path, out var backend))
                {
                    byPath[path] = backend = await Backends.LoadAsync(path, Settings(reference), progress, cancellation);
                }
                byFile[reference.File] = backend;
            }
            return new LoadedModels(byFile);
        }
        catch
        {
            foreach (var backend in byPath.Values)
            {
                backend.Dispose();
            }
            throw;
        }
    }

    /// <summary>The backend settings a model ran with, from its header parameters (defaults for those not recorded).</summary>
    public static ModelSettings Settings(ModelReference? reference)
    {
        var recorded = reference?.Parameters ?? ImmutableSortedDictionary<string, string>.Empty;
        int? Int(string key) => recorded.TryGetValue(key, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : null;
        var defaults = new ModelSettings();
        return defaults with
        {
            Backend = Backends.RecordedAs(reference?.Backend),
            ContextSize = Int("ctx_size") ?? defaults.ContextSize,
            Threads = Int("threads"),
            GpuLayers = Int("n_gpu_layers") ?? defaults.GpuLayers,
            Parallel = Int("parallel") ?? defaults.Parallel,
        };
    }

    private static async Task<string> LocateAsync(TrajectoryFile trajectory, ModelReference reference, IReadOnlyList<string> given, CancellationToken cancellation)
    {
        var distinct = trajectory.Header.Models.Select(m => m.File).Distinct(StringComparer.Ordinal).Count();
        var candidates = given.Where(g => Path.GetFileName(g) == reference.File).ToList();
        if (candidates.Count == 0 && given.Count == 1 && distinct == 1)
        {
            candidates.Add(given[0]);
        }
        if (candidates.Count == 0 && given.Count > 0)
        {
            // Renamed copies: found by their content.
            foreach (var file in given.Where(File.Exists))
            {
                if (await Sha256Async(file, cancellation) == reference.Sha256)
                {
                    candidates.Add(file);
                }
            }
        }
        if (candidates.Count == 0)
        {
            candidates.Add(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(trajectory.Path)) ?? ".", reference.File));
            candidates.Add(reference.File);
        }
        var path = candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists)
            ?? throw new TaleForgeException(
                $"the model {reference.File} that played {reference.Role} is not at {string.Join(" or ", candidates.Distinct())}; pass --model PATH to it.");
        if (reference.Sha256.Length > 0)
        {
            var hash = await Sha256Async(path, cancellation);
            if (hash != reference.Sha256)
            {
                throw new TaleForgeException(
                    $"{path} is not the model {trajectory.Path} was played with: its SHA-256 is {hash}, the trajectory's {reference.File} has {reference.Sha256}. Pass --model PATH to that very file.");
            }
        }
        return path;
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
    }
}
