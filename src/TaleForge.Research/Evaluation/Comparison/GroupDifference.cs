using TaleForge.Research.Evaluation.Statistics;

namespace TaleForge.Research.Evaluation.Comparison;

/// <summary>
/// Group A against group B on one dimension (or "average"): each group's mean over its scene visits, and the
/// difference A − B with its bootstrap interval.
/// </summary>
public sealed record GroupDifference(
    CompareBy By, string A, string B, string Dimension, int ScenesA, int ScenesB, double MeanA, double MeanB, BootstrapInterval Interval);
