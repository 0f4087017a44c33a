namespace TaleForge.Engine.Play;

/// <summary>What one turn cost: wall time, and the model calls made in it with the tokens they generated.</summary>
public sealed record TurnTiming(double Seconds, int Calls, int Tokens, double ModelSeconds)
{
    /// <summary>Generated tokens per second of model time; zero when no model ran.</summary>
    public double TokensPerSecond => ModelSeconds > 0 ? Tokens / ModelSeconds : 0;
}
