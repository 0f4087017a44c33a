namespace TaleForge.LlamaCpp.Gguf;

/// <summary>One entry of a GGUF tensor table. <see cref="Offset"/> is relative to the start of the data section.</summary>
public sealed record GgufTensorInfo(string Name, IReadOnlyList<ulong> Dimensions, GgmlType Type, ulong Offset)
{
    public ulong ElementCount => Dimensions.Aggregate(1UL, (product, dimension) => checked(product * dimension));

    public ulong ByteSize => GgmlTypeLayout.ByteSize(Type, ElementCount);
}
