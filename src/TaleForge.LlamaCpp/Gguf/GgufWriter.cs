using System.Buffers.Binary;
using System.Text;

namespace TaleForge.LlamaCpp.Gguf;

/// <summary>
/// Writes a GGUF v3 file: metadata and tensor table first, then each tensor's data, streamed through a callback
/// so that a model of many gigabytes is never held in memory.
/// </summary>
public sealed class GgufWriter
{
    private readonly List<(string Key, GgufValueType Type, object Value)> _metadata = [];
    private readonly List<GgufTensorInfo> _tensors = [];
    private ulong _dataLength;

    public uint Alignment { get; init; } = 32;

    public IReadOnlyList<GgufTensorInfo> Tensors => _tensors;

    public void Add(string key, string value) => AddValue(key, GgufValueType.String, value);
    public void Add(string key, uint value) => AddValue(key, GgufValueType.UInt32, value);
    public void Add(string key, int value) => AddValue(key, GgufValueType.Int32, value);
    public void Add(string key, float value) => AddValue(key, GgufValueType.Float32, value);
    public void Add(string key, bool value) => AddValue(key, GgufValueType.Bool, value);
    public void Add(string key, IReadOnlyList<string> values) => AddValue(key, GgufValueType.Array, (GgufValueType.String, (object)values));
    public void Add(string key, IReadOnlyList<int> values) => AddValue(key, GgufValueType.Array, (GgufValueType.Int32, (object)values));

    /// <summary>Declares a tensor; its data is written later, in declaration order, by <see cref="Write"/>'s callback.</summary>
    public GgufTensorInfo AddTensor(string name, IReadOnlyList<ulong> dimensions, GgmlType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Count is 0 or > 4 || dimensions[0] % (ulong)GgmlTypeLayout.BlockElements(type) != 0)
        {
            throw new ArgumentException($"Tensor '{name}' has dimensions [{string.Join(", ", dimensions)}] that type {type} cannot hold.", nameof(dimensions));
        }
        var tensor = new GgufTensorInfo(name, dimensions.ToArray(), type, _dataLength);
        _tensors.Add(tensor);
        _dataLength = Align(_dataLength + tensor.ByteSize);
        return tensor;
    }

    /// <summary>Writes the file; <paramref name="writeTensor"/> must write exactly each tensor's <see cref="GgufTensorInfo.ByteSize"/> bytes.</summary>
    public void Write(Stream output, Action<GgufTensorInfo, Stream> writeTensor)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(writeTensor);
        var header = new MemoryStream();
        WriteUInt32(header, GgufReader.Magic);
        WriteUInt32(header, 3);
        WriteUInt64(header, (ulong)_tensors.Count);
        WriteUInt64(header, (ulong)_metadata.Count);
        foreach (var (key, type, value) in _metadata)
        {
            WriteString(header, key);
            WriteUInt32(header, (uint)type);
            WriteValue(header, type, value);
        }
        foreach (var tensor in _tensors)
        {
            WriteString(header, tensor.Name);
            WriteUInt32(header, (uint)tensor.Dimensions.Count);
            foreach (var dimension in tensor.Dimensions)
            {
                WriteUInt64(header, dimension);
            }
            WriteUInt32(header, (uint)tensor.Type);
            WriteUInt64(header, tensor.Offset);
        }
        WritePadding(header, (ulong)header.Length);
        header.Position = 0;
        header.CopyTo(output);

        ulong written = 0;
        foreach (var tensor in _tensors)
        {
            var counter = new CountingStream(output);
            writeTensor(tensor, counter);
            if ((ulong)counter.Count != tensor.ByteSize)
            {
                throw new InvalidOperationException($"Tensor '{tensor.Name}' needs {tensor.ByteSize} bytes but {counter.Count} were written.");
            }
            written += tensor.ByteSize;
            written += WritePadding(output, written);
        }
    }

    private void AddValue(string key, GgufValueType type, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (_metadata.Any(entry => entry.Key == key))
        {
            throw new ArgumentException($"Metadata key '{key}' is already set.", nameof(key));
        }
        _metadata.Add((key, type, value));
    }

    private static void WriteValue(Stream output, GgufValueType type, object value)
    {
        switch (type)
        {
            case GgufValueType.String: WriteString(output, (string)value); break;
            case GgufValueType.UInt32: WriteUInt32(output, (uint)value); break;
            case GgufValueType.Int32: WriteUInt32(output, unchecked((uint)(int)value)); break;
            case GgufValueType.Float32: WriteUInt32(output, BitConverter.SingleToUInt32Bits((float)value)); break;
            case GgufValueType.Bool: output.WriteByte((bool)value ? (byte)1 : (byte)0); break;
            case GgufValueType.Array:
                var (elementType, items) = ((GgufValueType, object))value;
                WriteUInt32(output, (uint)elementType);
                if (items is IReadOnlyList<string> strings)
                {
                    WriteUInt64(output, (ulong)strings.Count);
                    foreach (var item in strings)
                    {
                        WriteString(output, item);
                    }
                }
                else
                {
                    var integers = (IReadOnlyList<int>)items;
                    WriteUInt64(output, (ulong)integers.Count);
                    foreach (var item in integers)
                    {
                        WriteUInt32(output, unchecked((uint)item));
                    }
                }
                break;
            default: throw new NotSupportedException($"GGUF value type {type} is not written by this writer.");
        }
    }

    private ulong Align(ulong value) => (value + Alignment - 1) / Alignment * Alignment;

    private ulong WritePadding(Stream output, ulong position)
    {
        var padding = Align(position) - position;
        for (ulong i = 0; i < padding; i++)
        {
            output.WriteByte(0);
        }
        return padding;
    }

    private static void WriteString(Stream output, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteUInt64(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    private static void WriteUInt32(Stream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        output.Write(bytes);
    }

    private static void WriteUInt64(Stream output, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        output.Write(bytes);
    }

    /// <summary>Passes writes through and counts them, to check each tensor's size.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Count += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Count += buffer.Length;
        }
    }
}
