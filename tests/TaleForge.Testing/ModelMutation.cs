using System.Text;
using TaleForge.LlamaCpp.Gguf;

namespace TaleForge.Testing;

/// <summary>
/// One change to one field of a valid GGUF model: a metadata value or a tensor-table field set to zero, a negative
/// or huge number, NaN, infinity or a value of the wrong type. <see cref="Field"/> is what the refusal must name.
/// </summary>
public sealed record ModelMutation(string Field, string Kind, Func<GgufFile, GgufFile> Change)
{
    public override string ToString() => $"{Field} {Kind}";

    /// <summary>Every mutation of every metadata value and every tensor-table field of <paramref name="file"/>.</summary>
    public static IEnumerable<ModelMutation> All(GgufFile file)
    {
        foreach (var (key, value) in file.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var (kind, replacement) in Replacements(value))
            {
                yield return new ModelMutation(key, kind, f => f with { Metadata = With(f.Metadata, key, replacement) });
            }
        }
        for (var t = 0; t < file.Tensors.Count; t++)
        {
            var index = t;
            var tensor = file.Tensors[t];
            for (var d = 0; d < tensor.Dimensions.Count; d++)
            {
                var dimension = d;
                foreach (var (kind, value) in new[] { ("zero", 0UL), ("negative", ulong.MaxValue), ("huge", 1UL << 41), ("one more", tensor.Dimensions[d] + 32) })
                {
                    yield return new ModelMutation(tensor.Name, $"dimension {d} {kind}", f => WithTensor(f, index, x => x with
                    {
                        Dimensions = [.. x.Dimensions.Select((v, i) => i == dimension ? value : v)],
                    }));
                }
            }
            yield return new ModelMutation(tensor.Name, "extra dimension", f => WithTensor(f, index, x => x with { Dimensions = [.. x.Dimensions, 2UL] }));
            foreach (var (kind, type) in new[] { ("type zero-width (removed Q4_2)", (GgmlType)4), ("type huge", (GgmlType)uint.MaxValue), ("type I32", GgmlType.I32), ("type F64", GgmlType.F64) })
            {
                yield return new ModelMutation(tensor.Name, kind, f => WithTensor(f, index, x => x with { Type = type }));
            }
            foreach (var (kind, offset) in new[] { ("offset huge", 1UL << 40), ("offset negative", ulong.MaxValue - 31), ("offset misaligned", tensor.Offset + 1) })
            {
                yield return new ModelMutation(tensor.Name, kind, f => WithTensor(f, index, x => x with { Offset = offset }));
            }
        }
    }

    /// <summary>The replacements tried for one value: same type at the edges, then other types.</summary>
    private static IEnumerable<(string Kind, object Value)> Replacements(object value)
    {
        switch (value)
        {
            case uint:
                yield return ("zero", 0u);
                yield return ("negative (int32 -1)", -1);
                yield return ("huge", uint.MaxValue);
                break;
            case float:
                yield return ("zero", 0f);
                yield return ("negative", -1f);
                yield return ("huge", float.MaxValue);
                yield return ("NaN", float.NaN);
                yield return ("infinity", float.PositiveInfinity);
                yield return ("-infinity", float.NegativeInfinity);
                break;
            case string text:
                yield return ("empty", "");
                yield return ("huge", new string('x', 70_000));
                yield return ("other text", text + "-x");
                break;
            case bool flag:
                yield return ("flipped", !flag);
                break;
            case object[] items:
                yield return ("empty array", Array.Empty<object>());
                yield return ("one element short", items[..^1]);
                yield return ("array of float32 NaN", items.Select(_ => (object)float.NaN).ToArray());
                yield return ("array of the wrong type", items.Select(_ => (object)7u).ToArray());
                break;
        }
        yield return ("wrong type: float32 NaN", float.NaN);
        yield return ("wrong type: uint64", 7UL);
        yield return ("wrong type: string", value is string ? (object)7u : "7");
    }

    private static Dictionary<string, object> With(IReadOnlyDictionary<string, object> metadata, string key, object value) =>
        metadata.ToDictionary(e => e.Key, e => e.Key == key ? value : e.Value, StringComparer.Ordinal);

    private static GgufFile WithTensor(GgufFile file, int index, Func<GgufTensorInfo, GgufTensorInfo> change) =>
        file with { Tensors = [.. file.Tensors.Select((t, i) => i == index ? change(t) : t)] };

    /// <summary>Writes <paramref name="file"/>'s metadata and tensor table with the data section of <paramref name="original"/>.</summary>
    public static void Write(GgufFile file, GgufFile original, string path)
    {
        var header = new MemoryStream();
        var w = new BinaryWriter(header);
        w.Write(GgufReader.Magic);
        w.Write(3u);
        w.Write((ulong)file.Tensors.Count);
        w.Write((ulong)file.Metadata.Count);
        foreach (var (key, value) in file.Metadata)
        {
            WriteString(w, key);
            w.Write((uint)TypeOf(value));
            WriteValue(w, value);
        }
        foreach (var tensor in file.Tensors)
        {
            WriteString(w, tensor.Name);
            w.Write((uint)tensor.Dimensions.Count);
            foreach (var dimension in tensor.Dimensions)
            {
                w.Write(dimension);
            }
            w.Write((uint)tensor.Type);
            w.Write(tensor.Offset);
        }
        var alignment = file.Alignment;
        while (header.Length % alignment != 0)
        {
            header.WriteByte(0);
        }
        using var output = File.Create(path);
        header.Position = 0;
        header.CopyTo(output);
        using var source = File.OpenRead(original.Path);
        source.Position = original.DataOffset;
        source.CopyTo(output);
    }

    private static GgufValueType TypeOf(object value) => value switch
    {
        byte => GgufValueType.UInt8,
        sbyte => GgufValueType.Int8,
        ushort => GgufValueType.UInt16,
        short => GgufValueType.Int16,
        uint => GgufValueType.UInt32,
        int => GgufValueType.Int32,
        float => GgufValueType.Float32,
        bool => GgufValueType.Bool,
        string => GgufValueType.String,
        object[] => GgufValueType.Array,
        ulong => GgufValueType.UInt64,
        long => GgufValueType.Int64,
        double => GgufValueType.Float64,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "not a GGUF value"),
    };

    private static void WriteValue(BinaryWriter w, object value)
    {
        switch (value)
        {
            case byte v: w.Write(v); break;
            case sbyte v: w.Write(v); break;
            case ushort v: w.Write(v); break;
            case short v: w.Write(v); break;
            case uint v: w.Write(v); break;
            case int v: w.Write(v); break;
            case float v: w.Write(v); break;
            case bool v: w.Write(v); break;
            case string v: WriteString(w, v); break;
            case ulong v: w.Write(v); break;
            case long v: w.Write(v); break;
            case double v: w.Write(v); break;
            case object[] items:
                w.Write((uint)(items.Length == 0 ? GgufValueType.UInt32 : TypeOf(items[0])));
                w.Write((ulong)items.Length);
                foreach (var item in items)
                {
                    WriteValue(w, item);
                }
                break;
        }
    }

    private static void WriteString(BinaryWriter w, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }
}
