using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Lint;

/// <summary>Every scene can end; triggers and transitions whose conditions can never hold are flagged.</summary>
internal static class EndingRules
{
    public static void Check(LintContext c)
    {
        var analysis = new ConditionAnalysis(c.World);
        foreach (var (scene, path) in LintContext.WithPaths(c.World.Scenes, "scene", s => s.Id))
        {
            var end = scene.End;
            if (end.MaxRounds is null && end.When is null)
            {
                c.Error(path, DiagnosticCodes.SceneNeverEnds,
                    $"scene '{scene.Id}' can never end: it has neither 'max_rounds' nor an end condition",
                    "add 'end:' with 'max_rounds: 12', or 'when:' and a condition such as {flag: door_open}, or both");
            }
            else if (end.When is { } when && analysis.WhyNever(when) is { } reason)
            {
                var whenPath = path.Field("end").Field("when");
                if (end.MaxRounds is null)
                {
                    c.Error(whenPath, DiagnosticCodes.SceneNeverEnds,
                        $"scene '{scene.Id}' can never end: its end condition needs {reason}",
                        "make the condition reachable (set the flag in a trigger or an authored line, or in the world's flags), or add 'max_rounds'");
                }
                else
                {
                    c.Warning(whenPath, DiagnosticCodes.ConditionNeverHolds,
                        $"the end condition of scene '{scene.Id}' can never hold: it needs {reason}; the scene only ends after {end.MaxRounds} rounds",
                        "make the condition reachable, or remove it");
                }
            }

            for (var i = 0; i < scene.Triggers.Length; i++)
            {
                if (analysis.WhyNever(scene.Triggers[i].When) is { } reason)
                {
                    c.Warning(path.Field("triggers").Index(i).Field("when"), DiagnosticCodes.ConditionNeverHolds,
                        $"trigger '{scene.Triggers[i].Id}' of scene '{scene.Id}' can never fire: it needs {reason}",
                        "make the condition reachable, or remove the trigger");
                }
            }
            for (var i = 0; i < scene.Transitions.Length; i++)
            {
                if (scene.Transitions[i].When is { } when && analysis.WhyNever(when) is { } reason)
                {
                    c.Warning(path.Field("transitions").Index(i).Field("when"), DiagnosticCodes.ConditionNeverHolds,
                        $"the transition from '{scene.Id}' to '{scene.Transitions[i].To}' can never be taken: it needs {reason}",
                        "make the condition reachable, or remove the transition");
                }
            }
        }
    }
}
