namespace TaleForge.LlamaCpp.Loading;

/// <summary>Which llama.cpp build to load; fixed for the process at the first load.</summary>
public enum BackendPreference
{
    /// <summary>CUDA when its libraries, driver and a GPU are present, else CPU.</summary>
    Auto,

    /// <summary>The CPU build only.</summary>
    Cpu,
}
