using Xunit.Abstractions;
using Xunit.Sdk;

namespace TaleForge.Testing;

/// <summary>Turns <see cref="NeedsNativeLibraryAttribute"/>, <see cref="StartsProcessesAttribute"/> and <see cref="SlowAttribute"/> into their trait.</summary>
public sealed class CategoryDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        ArgumentNullException.ThrowIfNull(traitAttribute);
        var category = traitAttribute.GetNamedArgument<string>(nameof(CategoryAttribute.Category));
        yield return new KeyValuePair<string, string>(TestCategory.Trait, category);
    }
}
