using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Lint;

/// <summary>
/// Checks that a world holds together: references resolve, items are in one place, scenes can end, places can
/// be reached. Works on definitions from any source (a loaded world, an importer's output); with a source map
/// the problems carry file, line and column.
/// </summary>
public static class WorldLint
{
    public static IReadOnlyList<Diagnostic> Check(WorldDefinition world, SourceMap? map = null)
    {
        var diagnostics = new DiagnosticBag();
        Check(world, map ?? SourceMap.Empty, diagnostics);
        return diagnostics.Items;
    }

    public static void Check(WorldDefinition world, SourceMap map, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var context = new LintContext(world, map, diagnostics);
        ReferenceRules.Check(context);
        PlacementRules.Check(context);
        EndingRules.Check(context);
        ReachabilityRules.Check(context);
        HearingRules.Check(context);
        DetailRules.Check(context);
    }
}
