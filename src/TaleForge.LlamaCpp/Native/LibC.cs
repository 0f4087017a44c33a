using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>The one libc function we need: <c>setenv</c>, because .NET's environment is a managed copy on Linux.</summary>
internal static partial class LibC
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnv(string name, string value, int overwrite);
}
