namespace TaleForge.LlamaCpp.Gguf;

/// <summary>
/// Typed access to a GGUF file's metadata with llama.cpp's rules: a key has exactly the GGUF type llama.cpp reads it
/// as (it converts nothing), and every refusal names the key, what it holds and what it should hold.
/// </summary>
internal sealed class MetadataReader(GgufFile file)
{
    public GgufFile File { get; } = file;

    public bool Has(string key) => File.Metadata.ContainsKey(key);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Fail(string problem) => throw Problem(problem);

    /// <summary>A uint32 from <paramref name="minimum"/> to <paramref name="maximum"/>; null when optional and absent.</summary>
    public uint? UInt32(string key, uint minimum, uint maximum, bool required)
    {
        if (!File.Metadata.TryGetValue(key, out var value))
        {
            if (required)
            {
                throw Missing(key, "a uint32");
            }
            return null;
        }
        if (value is not uint number)
        {
            throw WrongType(key, value, "a uint32");
        }
        if (number < minimum || number > maximum)
        {
            Fail($"metadata '{key}' is {number}; it must be from {minimum} to {maximum}");
        }
        return number;
    }

    /// <summary>A finite float32 from <paramref name="minimum"/> to <paramref name="maximum"/> (exclusive bounds when asked).</summary>
    public float? Float32(string key, float minimum, float maximum, bool required, bool minimumExcluded = false)
    {
        if (!File.Metadata.TryGetValue(key, out var value))
        {
            if (required)
            {
                throw Missing(key, "a float32");
            }
            return null;
        }
        if (value is not float number)
        {
            throw WrongType(key, value, "a float32");
        }
        if (!float.IsFinite(number))
        {
            Fail($"metadata '{key}' is {Show(number)}; it must be a finite number");
        }
        if (number < minimum || number > maximum || (minimumExcluded && number == minimum))
        {
            var lower = minimumExcluded ? $"greater than {minimum}" : $"at least {minimum}";
            Fail($"metadata '{key}' is {Show(number)}; it must be {lower} and at most {maximum}");
        }
        return number;
    }

    public string? String(string key, bool required)
    {
        if (!File.Metadata.TryGetValue(key, out var value))
        {
            if (required)
            {
                throw Missing(key, "a string");
            }
            return null;
        }
        if (value is not string text)
        {
            throw WrongType(key, value, "a string");
        }
        return text;
    }

    public bool? Bool(string key)
    {
        if (!File.Metadata.TryGetValue(key, out var value))
        {
            return null;
        }
        if (value is not bool flag)
        {
            throw WrongType(key, value, "a bool");
        }
        return flag;
    }

    /// <summary>An array whose every element is a <typeparamref name="T"/>; null when optional and absent.</summary>
    public T[]? Array<T>(string key, string typeName, bool required)
    {
        if (!File.Metadata.TryGetValue(key, out var value))
        {
            if (required)
            {
                throw Missing(key, $"an array of {typeName}");
            }
            return null;
        }
        if (value is not object[] items)
        {
            throw WrongType(key, value, $"an array of {typeName}");
        }
        // An empty array has lost its element type in the reader, and llama.cpp checks it; no vocabulary array is empty.
        if (items.Length == 0)
        {
            throw Problem($"metadata '{key}' is an empty array; llama.cpp needs a non-empty array of {typeName}");
        }
        var typed = new T[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is not T item)
            {
                throw Problem($"metadata '{key}' has {Describe(items[i])} at index {i}; it must be an array of {typeName}");
            }
            typed[i] = item;
        }
        return typed;
    }

    private InvalidModelFileException Missing(string key, string expected) =>
        Problem($"metadata '{key}' is missing; llama.cpp needs it as {expected}");

    private InvalidModelFileException WrongType(string key, object value, string expected) =>
        Problem($"metadata '{key}' is {Describe(value)}; llama.cpp reads it only as {expected}");

    private InvalidModelFileException Problem(string problem) => new(File.Path, problem);

    /// <summary>A value as a message shows it: its GGUF type and, for scalars, the value.</summary>
    public static string Describe(object value) => value switch
    {
        string text => $"the string \"{(text.Length > 40 ? text[..40] + "…" : text)}\"",
        object[] items => $"an array of {items.Length} elements",
        bool flag => $"the bool {(flag ? "true" : "false")}",
        float number => $"the float32 {Show(number)}",
        double number => $"the float64 {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        byte or sbyte or ushort or short or uint or int or ulong or long =>
            $"the {TypeName(value)} {Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}",
        _ => $"a {value.GetType().Name}",
    };

    private static string TypeName(object value) => value switch
    {
        byte => "uint8",
        sbyte => "int8",
        ushort => "uint16",
        short => "int16",
        uint => "uint32",
        int => "int32",
        ulong => "uint64",
        _ => "int64",
    };

    public static string Show(float number) => float.IsNaN(number) ? "NaN"
        : float.IsPositiveInfinity(number) ? "infinity"
        : float.IsNegativeInfinity(number) ? "-infinity"
        : number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
