using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>
/// A C <c>bool</c>: one byte. .NET's own bool marshals as four bytes by default, which would shift every field
/// after it, so native structs use this instead.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 1)]
internal readonly struct NativeBool : IEquatable<NativeBool>
{
    private readonly byte _value;

    private NativeBool(bool value) => _value = value ? (byte)1 : (byte)0;

    public static NativeBool True => new(true);
    public static NativeBool False => new(false);

    public bool Value => _value != 0;

    public static implicit operator bool(NativeBool value) => value.Value;
    public static implicit operator NativeBool(bool value) => new(value);

    public bool Equals(NativeBool other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is NativeBool other && Equals(other);
    public override int GetHashCode() => Value.GetHashCode();
    public override string ToString() => Value.ToString();
    public static bool operator ==(NativeBool left, NativeBool right) => left.Equals(right);
    public static bool operator !=(NativeBool left, NativeBool right) => !left.Equals(right);
}
