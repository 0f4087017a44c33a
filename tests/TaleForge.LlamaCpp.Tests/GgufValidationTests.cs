using System.Buffers.Binary;
using System.Text;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Gguf;
using TaleForge.LlamaCpp.Model;

namespace TaleForge.LlamaCpp.Tests;

public class GgufValidationTests
{
    /// <summary>Each case turns the bytes of a valid model into a broken file, and names the problem the error must state.</summary>
    public static TheoryData<string, string> Corruptions => new()
    {
        { "empty", "0 bytes long" },
        { "ten-bytes", "shorter than the 24-byte GGUF header" },
        { "text-file", "not a GGUF file" },
        { "version-1", "GGUF version 1 is not supported" },
        { "absurd-tensor-count", "tensors, which cannot fit" },
        { "absurd-metadata-count", "metadata entries, which cannot fit" },
        { "absurd-key-length", "claims a length of" },
        { "cut-in-metadata", "which cannot fit in the" },
        { "cut-in-first-key", "truncated while reading" },
        { "cut-in-tensor-data", "the file is truncated or the tensor table is corrupt" },
        { "tensor-offset-out-of-bounds", "needs bytes" },
        { "unknown-tensor-type", "unknown element type 99" },
        { "absurd-dimension", "absurd dimension" },
        { "no-architecture", "metadata 'general.architecture' is missing" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void A_broken_model_file_is_reported_with_its_path_and_problem_before_llama_sees_it(string corruption, string problem)
    {
        var path = TestModels.NewTemporaryFile($"{corruption}.gguf");
        File.WriteAllBytes(path, Corrupt(corruption));

        var read = Assert.Throws<InvalidModelFileException>(() => GgufReader.Read(path));
        Assert.Contains(problem, read.Problem, StringComparison.Ordinal);
        Assert.Contains(path, read.Message, StringComparison.Ordinal);

        var load = Assert.Throws<InvalidModelFileException>(() => LlamaModel.Load(path));
        Assert.Equal(read.Problem, load.Problem);
    }

    [Fact]
    public async Task Loading_a_client_from_a_missing_file_says_it_does_not_exist()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-model-here.gguf");
        var error = await Assert.ThrowsAsync<InvalidModelFileException>(() => LlamaChatClient.LoadAsync(path));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tiny_model_reads_back_with_its_metadata_and_every_tensor_inside_the_file()
    {
        var file = GgufReader.Read(TestModels.TinyPath);
        Assert.Equal(3u, file.Version);
        Assert.Equal("llama", file.Architecture);
        Assert.Equal("gpt2", file.GetString("tokenizer.ggml.model"));
        Assert.Equal(3 + (2 * 9), file.Tensors.Count);
        Assert.All(file.Tensors, t => Assert.True(file.DataOffset + (long)t.Offset + (long)t.ByteSize <= file.FileLength));
    }

    private static byte[] Corrupt(string corruption)
    {
        var bytes = File.ReadAllBytes(TestModels.TinyPath);
        switch (corruption)
        {
            case "empty": return [];
            case "ten-bytes": return bytes[..10];
            case "text-file": return Encoding.UTF8.GetBytes("This is a description of a model, not a model. It is long enough to have a header.");
            case "version-1": BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 1); return bytes;
            case "absurd-tensor-count": BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), ulong.MaxValue / 2); return bytes;
            case "absurd-metadata-count": BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16), 1UL << 40); return bytes;
            case "absurd-key-length": BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(24), 1UL << 50); return bytes;
            case "cut-in-metadata": return bytes[..2000];
            case "cut-in-first-key": return CutInFirstValue();
            case "cut-in-tensor-data": return bytes[..^4096];
            case "tensor-offset-out-of-bounds": PatchTensor(bytes, "output.weight", 8, 1UL << 30); return bytes;
            case "unknown-tensor-type": PatchTensor(bytes, "output.weight", 4, 99); return bytes;
            case "absurd-dimension": PatchTensor(bytes, "output_norm.weight", -8, 1UL << 45); return bytes;
            case "no-architecture": return RenameKey(bytes, "general.architecture", "general.architecturX");
            default: throw new ArgumentOutOfRangeException(nameof(corruption));
        }
    }

    /// <summary>
    /// Overwrites a field of a tensor's table entry: <paramref name="fromEnd"/> counts back from the end of the entry
    /// (8 = offset, 4 = type with a uint32 write, negative = the last dimension, just before the type).
    /// </summary>
    private static void PatchTensor(byte[] bytes, string name, int fromEnd, ulong value)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var at = LastIndexOf(bytes, nameBytes);
        var dimensions = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + nameBytes.Length));
        var end = at + nameBytes.Length + 4 + 8 * dimensions + 4 + 8;
        switch (fromEnd)
        {
            case 8: BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(end - 8), value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(end - 12), (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(end - 20), value); break;
        }
    }

    /// <summary>A header with one uint32 entry whose value stops after two of its four bytes.</summary>
    private static byte[] CutInFirstValue()
    {
        var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        writer.Write(GgufReader.Magic);
        writer.Write(3u);
        writer.Write(0UL);
        writer.Write(1UL);
        writer.Write(4UL);
        writer.Write("abcd"u8);
        writer.Write((uint)GgufValueType.UInt32);
        writer.Write((ushort)7);
        return stream.ToArray();
    }

    private static byte[] RenameKey(byte[] bytes, string key, string replacement)
    {
        var at = LastIndexOf(bytes, Encoding.UTF8.GetBytes(key));
        Encoding.UTF8.GetBytes(replacement).CopyTo(bytes, at);
        return bytes;
    }

    private static int LastIndexOf(byte[] bytes, byte[] pattern)
    {
        var index = bytes.AsSpan(0, Math.Min(bytes.Length, 1 << 20)).LastIndexOf(pattern);
        Assert.True(index >= 0, $"'{Encoding.UTF8.GetString(pattern)}' not found");
        return index;
    }
}
