using System.Runtime.InteropServices;
using TaleForge.LlamaCpp.Batching;

namespace TaleForge.LlamaCpp.Tests;

public class AbortFlagTests
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate byte Poll(IntPtr data);

    [Fact]
    public void The_native_abort_callback_reads_false_until_the_flag_is_set_and_false_again_once_cleared()
    {
        using var flag = new AbortFlag();
        var poll = Marshal.GetDelegateForFunctionPointer<Poll>(flag.Callback);
        Assert.Equal(0, poll(flag.Data));
        flag.Set();
        Assert.Equal(1, poll(flag.Data));
        flag.Clear();
        Assert.Equal(0, poll(flag.Data));
    }
}
