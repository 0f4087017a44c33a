using Xunit.Sdk;

namespace TaleForge.Testing;

/// <summary>A test category (see <see cref="TestCategory"/>), on a test or on a class whose every test qualifies.</summary>
[TraitDiscoverer("TaleForge.Testing.CategoryDiscoverer", "TaleForge.Testing")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public abstract class CategoryAttribute(string category) : Attribute, ITraitAttribute
{
    public string Category { get; } = category;
}

/// <summary>Loads the native llama.cpp library (a model, a context, a sampler): leaves the fast suite.</summary>
public sealed class NeedsNativeLibraryAttribute() : CategoryAttribute(TestCategory.NativeLibrary);

/// <summary>Starts another process (taleforge, the benchmarks, gcc, node): leaves the fast suite.</summary>
public sealed class StartsProcessesAttribute() : CategoryAttribute(TestCategory.Process);

/// <summary>Takes more than about two seconds on a two-core machine: leaves the fast suite.</summary>
public sealed class SlowAttribute() : CategoryAttribute(TestCategory.Slow);
