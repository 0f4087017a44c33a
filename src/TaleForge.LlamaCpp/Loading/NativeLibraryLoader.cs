using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using TaleForge.Core;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Loading;

/// <summary>
/// Loads llama.cpp once per process, before any other native call: CUDA 13 build, then its CUDA 12 fallback
/// backend, then CPU; logs why each was skipped; maps the declarations' library names to the chosen files; checks
/// the version; routes native logs; and sets GGML_NO_BACKTRACE so a fatal error does not try to attach gdb.
/// </summary>
public static unsafe class NativeLibraryLoader
{
    /// <summary>The llama.cpp release the declarations in Native/ were written against.</summary>
    public const string ExpectedVersion = "0.5.0";

    private static readonly Lock _gate = new();
    private static readonly Dictionary<string, IntPtr> _libraries = new(StringComparer.Ordinal);
    private static LlamaRuntimeInfo? _info;

    static NativeLibraryLoader()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
    }

    /// <summary>The runtime loaded so far, or null before the first load.</summary>
    public static LlamaRuntimeInfo? Current => Volatile.Read(ref _info);

    /// <summary>Loads the libraries (once; later calls return the first result).</summary>
    public static LlamaRuntimeInfo EnsureLoaded(ILogger? logger = null, BackendPreference preference = BackendPreference.Auto)
    {
        if (logger is not null)
        {
            NativeLog.Logger = logger;
        }
        lock (_gate)
        {
            return _info ??= Load(NativeLog.Logger, preference);
        }
    }

    private static LlamaRuntimeInfo Load(ILogger logger, BackendPreference preference)
    {
        SetNativeEnvironment("GGML_NO_BACKTRACE", "1");
        var root = LibraryDirectory.Find(out var searched)
            ?? throw new TaleForgeException(
                "The llama.cpp libraries are not installed. Run tools/install-llama.sh (or ./run.sh, which runs it), " +
                $"or set {LibraryDirectory.EnvironmentVariable} to the folder it fills. Looked in: {string.Join(", ", searched.Take(6))}.");
        var skipped = new List<string>();
        if (Environment.GetEnvironmentVariable("TALEFORGE_LLAMA_BACKEND") is { } forced && forced.Equals("cpu", StringComparison.OrdinalIgnoreCase))
        {
            preference = BackendPreference.Cpu;
        }

        string? backend = null;
        string? directory = null;
        if (preference == BackendPreference.Auto)
        {
            (backend, directory) = TryCuda(root, skipped);
        }
        else
        {
            skipped.Add("CUDA: not asked for (CPU preferred)");
        }
        if (directory is null)
        {
            directory = Path.Combine(root, LibraryDirectory.CpuFolder);
            LoadCore(directory, "libllama.v0.5.0.so", "libggml.v0.5.0.so");
        }
        InstallCallbacks();
        var cpuVariant = LoadBestCpuVariant(directory)
            ?? throw new TaleForgeException($"No CPU backend in {directory} can run on this processor; reinstall with tools/install-llama.sh.");
        backend ??= "CPU";
        LlamaApi.BackendInit();

        var version = Marshal.PtrToStringUTF8(LlamaApi.Version()) ?? "";
        if (!version.StartsWith(ExpectedVersion, StringComparison.Ordinal))
        {
            throw new TaleForgeException(
                $"libllama in {directory} reports version '{version}', but TaleForge's declarations are for {ExpectedVersion}: " +
                "delete .taleforge/llama and run tools/install-llama.sh again.");
        }
        var devices = ListDevices();
        foreach (var reason in skipped)
        {
#pragma warning disable CA1848
            logger.LogInformation("llama.cpp backend skipped: {Reason}", reason);
        }
        logger.LogInformation("llama.cpp {Version} loaded from {Directory}: {Backend} ({CpuVariant}); devices: {Devices}",
            version, directory, backend, cpuVariant, string.Join(", ", devices));
#pragma warning restore CA1848
        return new LlamaRuntimeInfo(version, directory, backend, cpuVariant, devices, skipped);
    }

    /// <summary>Loads the CUDA build when everything it needs is present; else records why not and returns nulls.</summary>
    private static (string? Backend, string? Directory) TryCuda(string root, List<string> skipped)
    {
        var directory = Path.Combine(root, LibraryDirectory.CudaFolder);
        if (!Directory.Exists(directory))
        {
            skipped.Add("CUDA: libraries not installed (tools/install-llama.sh --cuda)");
            return (null, null);
        }
        if (!NativeLibrary.TryLoad("libcuda.so.1", out _))
        {
            skipped.Add("CUDA: no NVIDIA driver (libcuda.so.1 not found)");
            return (null, null);
        }
        var primary = CudaRuntime.TryPreload(13, out var primaryReason);
        var fallback = primary ? false : CudaRuntime.TryPreload(12, out _);
        if (!primary && !fallback)
        {
            skipped.Add($"CUDA 13 and CUDA 12: {primaryReason}");
            return (null, null);
        }
        LoadCore(directory, "libllama.cuda.v0.5.0.so", "libggml.cuda.v0.5.0.so");
        var candidates = new List<(string Name, string Path)>();
        if (primary)
        {
            candidates.Add(("CUDA 13", Path.Combine(directory, "libggml-cuda.so")));
        }
        else
        {
            skipped.Add($"CUDA 13: {primaryReason}");
        }
        if (CudaRuntime.TryPreload(12, out var fallbackReason))
        {
            candidates.Add(("CUDA 12 fallback", Path.Combine(directory, "fallback", "libggml-cuda.so")));
        }
        else
        {
            skipped.Add($"CUDA 12 fallback: {fallbackReason}");
        }
        foreach (var (name, path) in candidates)
        {
            var before = GgmlApi.BackendDevCount();
            if (!File.Exists(path))
            {
                skipped.Add($"{name}: {path} is missing (tools/install-llama.sh --cuda)");
                continue;
            }
            try
            {
                // Opening it ourselves first surfaces the loader's real error, which ggml_backend_load keeps quiet.
                NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                skipped.Add($"{name}: {e.Message}");
                continue;
            }
            if (GgmlApi.BackendLoad(path) == IntPtr.Zero || GgmlApi.BackendDevCount() == before)
            {
                skipped.Add($"{name}: the backend loaded but found no usable GPU (driver too old for this build, or no device)");
                continue;
            }
            return (name, directory);
        }
        // Committed to the CUDA folder's libllama already: its own CPU backends serve instead.
        return ("CPU (from the CUDA build)", directory);
    }

    private static void LoadCore(string directory, string llama, string ggml)
    {
        _libraries[LibraryNames.GgmlBase] = LoadFile(Path.Combine(directory, "libggml-base.so"));
        _libraries[LibraryNames.Ggml] = LoadFile(Path.Combine(directory, ggml));
        _libraries[LibraryNames.Llama] = LoadFile(Path.Combine(directory, llama));
    }

    private static IntPtr LoadFile(string path)
    {
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new TaleForgeException($"Could not load {path}: {e.Message}. Reinstall with tools/install-llama.sh.", e);
        }
    }

    private static void InstallCallbacks()
    {
        LlamaApi.LogSet(NativeLog.LogCallback, IntPtr.Zero);
        GgmlApi.SetAbortCallback(NativeLog.FatalCallback);
    }

    /// <summary>Scores every CPU variant as ggml does (each reports what this processor supports) and registers the best.</summary>
    private static string? LoadBestCpuVariant(string directory)
    {
        string? best = null;
        var bestScore = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "libggml-cpu-*.so").Order(StringComparer.Ordinal))
        {
            if (!NativeLibrary.TryLoad(path, out var library))
            {
                continue;
            }
            if (NativeLibrary.TryGetExport(library, "ggml_backend_score", out var export))
            {
                var score = ((delegate* unmanaged[Cdecl]<int>)export)();
                if (score > bestScore)
                {
                    bestScore = score;
                    best = path;
                }
            }
        }
        if (best is null || GgmlApi.BackendLoad(best) == IntPtr.Zero)
        {
            return null;
        }
        return Path.GetFileNameWithoutExtension(best)["libggml-cpu-".Length..];
    }

    private static List<string> ListDevices()
    {
        var devices = new List<string>();
        var count = GgmlApi.BackendDevCount();
        for (nuint i = 0; i < count; i++)
        {
            var device = GgmlApi.BackendDevGet(i);
            devices.Add($"{Marshal.PtrToStringUTF8(GgmlApi.BackendDevName(device))} ({Marshal.PtrToStringUTF8(GgmlApi.BackendDevDescription(device))})");
        }
        return devices;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        lock (_gate)
        {
            if (_libraries.TryGetValue(name, out var handle))
            {
                return handle;
            }
        }
        if (name.StartsWith("taleforge-", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{name} was called before NativeLibraryLoader.EnsureLoaded().");
        }
        return IntPtr.Zero;
    }

    // .NET keeps its own copy of the environment on Linux; native getenv only sees what libc's setenv writes.
    private static void SetNativeEnvironment(string name, string value)
    {
        _ = Native.LibC.SetEnv(name, value, 1);
    }
}
