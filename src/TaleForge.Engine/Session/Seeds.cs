namespace TaleForge.Engine.Session;

internal static class Seeds
{
    public static long Derive(long episode, long step, string role)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes($"{episode}/{step}/{role}"))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return (long)(hash & 0x7FFFFFFF);
    }
}
