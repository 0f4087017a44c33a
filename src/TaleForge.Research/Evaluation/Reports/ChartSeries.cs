namespace TaleForge.Research.Evaluation.Reports;

/// <summary>A series of a bar chart: one group's (a model's) value for each category, null where it has none.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);
