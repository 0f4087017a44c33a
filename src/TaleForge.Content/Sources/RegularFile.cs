using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TaleForge.Content.Sources;

/// <summary>
/// Opens a path for reading only if it is a regular file. A named pipe blocks a plain open until some writer comes,
/// and a device such as /dev/zero never ends, so on Linux the path is opened without blocking and without following
/// a final symbolic link, and the open descriptor itself is asked what it is: no window in which the file could be
/// swapped for something else between the check and the read. Elsewhere the best check the platform offers is used.
/// </summary>
internal static partial class RegularFile
{
    private const int StatxType = 0x1;
    private const int AtEmptyPath = 0x1000;
    private const ushort TypeMask = 0xF000;
    private const ushort Regular = 0x8000;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    /// <summary>What a path is when it is not a regular file, for the message that refuses it.</summary>
    public static string Describe(ushort mode) => (mode & TypeMask) switch
    {
        0x1000 => "a named pipe (FIFO)",
        0x2000 => "a character device",
        0x4000 => "a folder",
        0x6000 => "a block device",
        0xA000 => "a symbolic link",
        0xC000 => "a socket",
        _ => "not a regular file",
    };

    /// <summary>
    /// A stream over <paramref name="path"/>, or null with <paramref name="refusal"/> saying what the path is instead
    /// of a regular file. I/O errors (missing file, no permission) are thrown as <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/>, as <see cref="FileStream"/> throws them.
    /// </summary>
    public static FileStream? Open(string path, out string? refusal)
    {
        refusal = null;
        if (!OperatingSystem.IsLinux())
        {
            if (Directory.Exists(path))
            {
                refusal = "a folder";
                return null;
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        }
        var descriptor = OpenDescriptor(path, O_RDONLY | NonBlocking | CloseOnExec | NoFollow);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            // ELOOP: the last part of the path is a symbolic link, which O_NOFOLLOW refuses to open.
            if (error == 40)
            {
                refusal = "a symbolic link";
                return null;
            }
            throw error switch
            {
                2 or 20 => new FileNotFoundException($"No such file: {path}", path),
                13 or 1 => new UnauthorizedAccessException($"Permission denied: {path}"),
                _ => new IOException($"{Marshal.GetPInvokeErrorMessage(error)}: {path}"),
            };
        }
        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        var buffer = new byte[256];
        if (Statx(descriptor, "", AtEmptyPath, StatxType, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new IOException($"{Marshal.GetPInvokeErrorMessage(error)}: {path}");
        }
        // struct statx keeps stx_mode at byte 28 on every Linux architecture.
        var mode = BitConverter.ToUInt16(buffer, 28);
        if ((mode & TypeMask) != Regular)
        {
            handle.Dispose();
            refusal = Describe(mode);
            return null;
        }
        return new FileStream(handle, FileAccess.Read, 4096);
    }

    private const int O_RDONLY = 0;

    // O_NOFOLLOW differs between architectures; these are the values of the ones .NET runs on Linux.
    private static int NoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenDescriptor(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int descriptor, string path, int flags, int mask, [Out] byte[] buffer);
}
