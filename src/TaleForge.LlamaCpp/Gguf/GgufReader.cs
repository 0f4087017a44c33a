using System.Buffers.Binary;
using System.Text;

namespace TaleForge.LlamaCpp.Gguf;

/// <summary>
/// Reads and checks a GGUF file's header, metadata and tensor table without trusting any count or length in it:
/// every read is bounded by the bytes left in the file, so a truncated, corrupt or hostile file yields an
/// <see cref="InvalidModelFileException"/> instead of reaching llama.cpp (whose failures can abort the process).
/// </summary>
public sealed class GgufReader
{
    /// <summary>"GGUF" read as a little-endian uint32.</summary>
    public const uint Magic = 0x46554747;

    // Generous limits far above any real model, low enough that an absurd count is caught before allocating.
    private const ulong MaxTensors = 1 << 20;
    private const ulong MaxMetadataEntries = 1 << 20;
    private const ulong MaxStringBytes = 64 << 20;
    private const int MaxDimensions = 4;
    private const int MaxArrayDepth = 2;

    private readonly string _path;
    private readonly BufferedStream _stream;
    private readonly long _length;

    private GgufReader(string path, BufferedStream stream, long length)
    {
        _path = path;
        _stream = stream;
        _length = length;
    }

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    public static GgufFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new InvalidModelFileException(path, "it is a folder, not a file");
        }
        if (!File.Exists(path))
        {
            throw new InvalidModelFileException(path, "the file does not exist");
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var buffered = new BufferedStream(file, 1 << 16);
        return new GgufReader(path, buffered, file.Length).ReadFile();
    }

    private long Position => _stream.Position;

    private long Remaining => _length - Position;

    private GgufFile ReadFile()
    {
        if (_length < 24)
        {
            Fail(_length < 4 ? $"it is only {_length} bytes long, too short for a GGUF header" : $"truncated: {_length} bytes, shorter than the 24-byte GGUF header");
        }
        var magicBytes = ReadBytes(4, "magic");
        if (BinaryPrimitives.ReadUInt32LittleEndian(magicBytes) != Magic)
        {
            Fail($"not a GGUF file (it starts with bytes {Convert.ToHexString(magicBytes)}, a GGUF file starts with 47475546 'GGUF')");
        }
        var version = ReadUInt32("version");
        if (version is < 2 or > 3)
        {
            Fail($"GGUF version {version} is not supported (only versions 2 and 3 are)");
        }
        var tensorCount = ReadUInt64("tensor count");
        var metadataCount = ReadUInt64("metadata count");
        // Each metadata entry takes at least 12 bytes and each tensor entry at least 28.
        if (tensorCount > MaxTensors || tensorCount * 28 > (ulong)Remaining)
        {
            Fail($"the header claims {tensorCount} tensors, which cannot fit in a file of {_length} bytes");
        }
        if (metadataCount > MaxMetadataEntries || metadataCount * 12 > (ulong)Remaining)
        {
            Fail($"the header claims {metadataCount} metadata entries, which cannot fit in a file of {_length} bytes");
        }

        var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
        for (ulong i = 0; i < metadataCount; i++)
        {
            var key = ReadString($"the key of metadata entry {i}");
            var type = ReadValueType($"the type of metadata '{key}'");
            var value = ReadValue(type, key, 0);
            if (!metadata.TryAdd(key, value))
            {
                Fail($"metadata key '{key}' appears twice");
            }
        }

        var alignment = 32u;
        if (metadata.TryGetValue("general.alignment", out var alignmentValue))
        {
            if (alignmentValue is not uint a || a == 0 || (a & (a - 1)) != 0 || a > 1 << 20)
            {
                Fail($"general.alignment is {alignmentValue}, not a power of two as a uint32");
            }
            alignment = (uint)alignmentValue;
        }

        var tensors = new List<GgufTensorInfo>((int)tensorCount);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (ulong i = 0; i < tensorCount; i++)
        {
            tensors.Add(ReadTensorInfo(i, names, alignment));
        }
        var dataOffset = Align(Position, alignment);
        if (tensorCount > 0 && dataOffset > _length)
        {
            Fail($"truncated: the tensor data should start at byte {dataOffset} but the file has {_length} bytes");
        }
        CheckTensorData(tensors, dataOffset);
        if (metadata.GetValueOrDefault("general.architecture") is not string architecture || architecture.Length == 0)
        {
            Fail("metadata 'general.architecture' is missing, empty or not a string; a model file names its architecture");
        }
        return new GgufFile(_path, version, metadata, tensors, alignment, dataOffset, _length);
    }

    private GgufTensorInfo ReadTensorInfo(ulong index, HashSet<string> names, uint alignment)
    {
        var name = ReadString($"the name of tensor {index}");
        if (!names.Add(name))
        {
            Fail($"tensor '{name}' appears twice");
        }
        var dimensionCount = ReadUInt32($"the dimension count of tensor '{name}'");
        if (dimensionCount is 0 or > MaxDimensions)
        {
            Fail($"tensor '{name}' has {dimensionCount} dimensions (1 to {MaxDimensions} allowed)");
        }
        var dimensions = new ulong[dimensionCount];
        var elements = 1UL;
        for (var d = 0; d < dimensionCount; d++)
        {
            dimensions[d] = ReadUInt64($"dimension {d} of tensor '{name}'");
            if (dimensions[d] == 0 || dimensions[d] > 1UL << 40)
            {
                Fail($"tensor '{name}' has an absurd dimension {d} of {dimensions[d]}");
            }
            if (ulong.MaxValue / dimensions[d] < elements || elements * dimensions[d] > 1UL << 50)
            {
                Fail($"tensor '{name}' has an absurd element count ({string.Join(" x ", dimensions.Take(d + 1))})");
            }
            elements *= dimensions[d];
        }
        var type = (GgmlType)ReadUInt32($"the type of tensor '{name}'");
        if (!GgmlTypeLayout.IsKnown(type))
        {
            Fail($"tensor '{name}' has unknown element type {(uint)type}");
        }
        if (dimensions[0] % (ulong)GgmlTypeLayout.BlockElements(type) != 0)
        {
            Fail($"tensor '{name}' of type {type} has a first dimension {dimensions[0]} that is not a multiple of its block size {GgmlTypeLayout.BlockElements(type)}");
        }
        var offset = ReadUInt64($"the data offset of tensor '{name}'");
        if (offset % alignment != 0)
        {
            Fail($"tensor '{name}' starts at data offset {offset}, not a multiple of the alignment {alignment}");
        }
        return new GgufTensorInfo(name, dimensions, type, offset);
    }

    private void CheckTensorData(List<GgufTensorInfo> tensors, long dataOffset)
    {
        var dataLength = (ulong)Math.Max(0, _length - dataOffset);
        ulong previousEnd = 0;
        string? previous = null;
        foreach (var tensor in tensors.OrderBy(t => t.Offset))
        {
            var size = tensor.ByteSize;
            if (tensor.Offset > dataLength || size > dataLength - tensor.Offset)
            {
                Fail($"tensor '{tensor.Name}' needs bytes {tensor.Offset}..{tensor.Offset + size} of the data section, " +
                     $"which has only {dataLength} bytes (the file is truncated or the tensor table is corrupt)");
            }
            if (tensor.Offset < previousEnd)
            {
                Fail($"tensors '{previous}' and '{tensor.Name}' overlap in the data section");
            }
            previousEnd = tensor.Offset + size;
            previous = tensor.Name;
        }
    }

    private object ReadValue(GgufValueType type, string key, int depth)
    {
        switch (type)
        {
            case GgufValueType.UInt8: return ReadBytes(1, key)[0];
            case GgufValueType.Int8: return (sbyte)ReadBytes(1, key)[0];
            case GgufValueType.UInt16: return BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2, key));
            case GgufValueType.Int16: return BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2, key));
            case GgufValueType.UInt32: return ReadUInt32(key);
            case GgufValueType.Int32: return BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4, key));
            case GgufValueType.Float32: return BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(4, key));
            case GgufValueType.UInt64: return ReadUInt64(key);
            case GgufValueType.Int64: return BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8, key));
            case GgufValueType.Float64: return BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8, key));
            case GgufValueType.Bool:
                var b = ReadBytes(1, key)[0];
                if (b > 1)
                {
                    Fail($"metadata '{key}' is a bool with value {b} (0 or 1 expected)");
                }
                return b == 1;
            case GgufValueType.String: return ReadString($"the value of metadata '{key}'");
            case GgufValueType.Array:
                if (depth >= MaxArrayDepth)
                {
                    Fail($"metadata '{key}' nests arrays deeper than {MaxArrayDepth} levels");
                }
                var elementType = ReadValueType($"the element type of metadata '{key}'");
                var count = ReadUInt64($"the length of metadata '{key}'");
                var minimum = MinimumSize(elementType);
                if (count > (ulong)Remaining / minimum)
                {
                    Fail($"metadata '{key}' claims {count} elements, which cannot fit in the {Remaining} bytes left");
                }
                var items = new object[count];
                for (ulong i = 0; i < count; i++)
                {
                    items[i] = ReadValue(elementType, key, depth + 1);
                }
                return items;
            default:
                Fail($"metadata '{key}' has unknown value type {(uint)type}");
                return null!;
        }
    }

    private static ulong MinimumSize(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        _ => 8,
    };

    private GgufValueType ReadValueType(string what)
    {
        var type = ReadUInt32(what);
        if (type > (uint)GgufValueType.Float64)
        {
            Fail($"{what} is {type}, not a GGUF value type");
        }
        return (GgufValueType)type;
    }

    private string ReadString(string what)
    {
        var length = ReadUInt64($"the length of {what}");
        if (length > MaxStringBytes || length > (ulong)Remaining)
        {
            Fail($"{what} claims a length of {length} bytes, but only {Remaining} bytes are left in the file");
        }
        var bytes = ReadBytes((int)length, what);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Fail($"{what} is not valid UTF-8");
            return null!;
        }
    }

    private uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4, what));

    private ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8, what));

    private byte[] ReadBytes(int count, string what)
    {
        if (count > Remaining)
        {
            Fail($"truncated while reading {what} at byte {Position} ({_length} bytes in the file)");
        }
        var bytes = new byte[count];
        _stream.ReadExactly(bytes);
        return bytes;
    }

    private static long Align(long value, uint alignment) => (value + alignment - 1) / alignment * alignment;

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string problem) => throw new InvalidModelFileException(_path, problem);
}
