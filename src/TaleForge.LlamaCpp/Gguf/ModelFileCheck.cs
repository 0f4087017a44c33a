namespace TaleForge.LlamaCpp.Gguf;

/// <summary>
/// What llama.cpp 0.5.0 would abort on, checked in C# before it sees the file: <see cref="GgufReader"/> checks the
/// structure, this checks the meaning (hyperparameters, vocabulary, tensor shapes and types) for the architectures
/// whose asserts were read, and refuses every other architecture by name. Each refusal names the field.
/// </summary>
public static class ModelFileCheck
{
    /// <summary>Architectures whose load and graph code was read for asserts reachable from the file.</summary>
    public static IReadOnlyList<string> CheckedArchitectures { get; } = ["llama", "qwen2"];

    /// <summary>Throws <see cref="InvalidModelFileException"/> naming the field when llama.cpp must not load <paramref name="file"/>.</summary>
    public static void Check(GgufFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var metadata = new MetadataReader(file);
        var architecture = metadata.String("general.architecture", required: true)!;
        if (!CheckedArchitectures.Contains(architecture, StringComparer.Ordinal))
        {
            metadata.Fail($"metadata 'general.architecture' is \"{architecture}\", an architecture TaleForge has not checked against llama.cpp's asserts (checked: {string.Join(", ", CheckedArchitectures)}); use a model of a checked architecture");
        }
        metadata.String("general.name", required: false);
        metadata.UInt32("general.file_type", 0, 1024, required: false);
        metadata.UInt32("general.quantization_version", 0, 1024, required: false);
        var hyperparameters = LlamaHyperparameters.Read(metadata, architecture);
        var vocabulary = VocabularyCheck.Check(metadata, architecture);
        LlamaTensorCheck.Check(metadata, architecture, hyperparameters, vocabulary);
    }
}
