namespace TaleForge.Engine.Tests;

/// <summary>
/// How many cases a property or fuzz test tries: a number that keeps CI within its minute, raised for a long run
/// with TALEFORGE_FUZZ_CASES (e.g. TALEFORGE_FUZZ_CASES=100000, as docs/reliability.md describes).
/// </summary>
internal static class FuzzCases
{
    public const string Variable = "TALEFORGE_FUZZ_CASES";

    public static int Or(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var cases) && cases > 0 ? cases : ci;
}
