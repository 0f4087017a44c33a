namespace TaleForge.Engine.Agents.Replies;

/// <summary>
/// A reply a model must give, named by its schema: the name goes into every call record, and export reads a
/// recorded reply back into its type by it.
/// </summary>
public interface IReply
{
    /// <summary>The schema's name in trajectories ("character_turn").</summary>
    static abstract string Schema { get; }
}
