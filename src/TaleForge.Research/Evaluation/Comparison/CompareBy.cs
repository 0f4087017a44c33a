namespace TaleForge.Research.Evaluation.Comparison;

/// <summary>What the groups of a comparison are told apart by.</summary>
public enum CompareBy
{
    /// <summary>The model that played the characters.</summary>
    Model,

    /// <summary>The round pipeline the trajectory was played by.</summary>
    Protocol,

    /// <summary>The work (world) the trajectory played.</summary>
    Work,
}
