using TaleForge.Core;
using YamlDotNet.RepresentationModel;

namespace TaleForge.Cli.Models;

/// <summary>
/// The config file, read in one place for every group of settings that keeps keys in it (the local model's, the
/// endpoints'): its top-level mapping, or a clear error naming the line when it is not YAML.
/// </summary>
internal static class ConfigFile
{
    /// <summary>The file's top-level mapping; null when the file is missing, empty or not a mapping.</summary>
    public static YamlMappingNode? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return null;
        }
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new TaleForgeException($"{path}:{e.Start.Line}:{e.Start.Column}: the config file is not valid YAML ({e.Message}); fix it or remove it.");
        }
        return yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode as YamlMappingNode : null;
    }
}
