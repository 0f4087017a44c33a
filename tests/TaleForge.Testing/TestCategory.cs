namespace TaleForge.Testing;

/// <summary>
/// The trait that keeps the fast suite fast: tests that load the native llama.cpp library, start processes or take
/// long carry <c>Category</c> = one of these; <c>./run.sh test fast</c> runs every test that carries none.
/// </summary>
public static class TestCategory
{
    public const string Trait = "Category";
    public const string NativeLibrary = "NativeLibrary";
    public const string Process = "Process";
    public const string Slow = "Slow";

    /// <summary>The <c>dotnet test --filter</c> that leaves out every marked test.</summary>
    public const string FastFilter = $"{Trait}!={NativeLibrary}&{Trait}!={Process}&{Trait}!={Slow}";
}
