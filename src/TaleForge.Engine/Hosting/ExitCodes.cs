namespace TaleForge.Engine.Hosting;

/// <summary>What TaleForge's executables return, as the README's table lists them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;

    /// <summary>A <c>play --script</c> whose script ran out before the story ended.</summary>
    public const int StoryNotEnded = 3;

    /// <summary>Ctrl-C (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM (128 + 15).</summary>
    public const int Terminated = 143;
}
