using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Backends;

namespace TaleForge.Engine.Tests.Episodes;

/// <summary>Episode specs of every shape: any text (Chinese, quotes, control characters), any finite number, any role.</summary>
public static class Specs
{
    private static readonly char[] Letters = [.. "abcXYZ019 _-:\"\\/\n\t\u0001é中文字😀".EnumerateRunes().SelectMany(r => r.ToString())];

    private static Gen<string> Text { get; } =
        Gen.Choose(0, 12).SelectMany(n => Gen.Choose(0, Letters.Length - 1).ArrayOf(n))
            .Select(indices => new string([.. indices.Select(i => Letters[i])]))
            // A lone half of a surrogate pair is no text a world or a model file name can hold.
            .Where(s => !s.Where(char.IsSurrogate).Any() || System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(s)) == s);

    private static Gen<string> Id { get; } = Text.Where(s => s.Length > 0);

    private static Gen<string?> Optional(Gen<string> text) => Gen.OneOf(Gen.Constant<string?>(null), text.Select(s => (string?)s));

    private static Gen<float> Single { get; } =
        Gen.Choose(int.MinValue, int.MaxValue).Select(BitConverter.Int32BitsToSingle).Where(float.IsFinite);

    private static Gen<double> Double { get; } =
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => BitConverter.Int64BitsToDouble(((long)t.Item1 << 32) | (uint)t.Item2)).Where(double.IsFinite);

    private static Gen<Role> Role { get; } = Gen.OneOf(
        Gen.Elements(Agents.Role.Narrator, Agents.Role.Director, Agents.Role.Characters),
        Id.Select(Agents.Role.Character));

    private static Gen<Sampling> Sampling { get; } =
        from temperature in Single
        from topK in Gen.Choose(0, 200)
        from topP in Single
        from minP in Single
        from penalty in Single
        from lastN in Gen.Choose(-1, 4096)
        from frequency in Single
        from presence in Single
        select new Sampling
        {
            Temperature = temperature,
            TopK = topK,
            TopP = topP,
            MinP = minP,
            RepeatPenalty = penalty,
            RepeatLastN = lastN,
            FrequencyPenalty = frequency,
            PresencePenalty = presence,
        };

    private static Gen<ImmutableSortedDictionary<string, string>> Parameters { get; } =
        Gen.Elements("ctx_size", "n_gpu_layers", "parallel", "threads", "temp", "top_p").Zip(Text).ListOf()
            .Select(pairs => pairs.DistinctBy(p => p.Item1).ToImmutableSortedDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal));

    private static Gen<ModelReference> Model { get; } =
        from role in Role
        from file in Text
        from bytes in Gen.Choose(0, int.MaxValue).Select(n => (long)n * 7)
        from sha in Text
        from backend in Text
        from endpoint in Optional(Text)
        from parameters in Parameters
        select new ModelReference { Role = role, File = file, Bytes = bytes, Sha256 = sha, Backend = backend, Endpoint = endpoint, Parameters = parameters };

    public static Arbitrary<EpisodeSpec> Spec() =>
        (from world in Gen.Four(Text).Select(t => new WorldReference(t.Item1, t.Item2, t.Item3, t.Item4))
         from start in Optional(Id)
         from player in Optional(Id)
         from models in Model.ListOf()
         from sampling in Sampling
         from seed in Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => ((long)t.Item1 << 32) | (uint)t.Item2)
         from rounds in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 1000).Select(n => (int?)n))
         from flags in Gen.Elements(true, false).Three()
         from threshold in Double
         from swap in Gen.OneOf(Gen.Constant<SwapReference?>(null), (from t in Text from c in Id from m in Model select (SwapReference?)new SwapReference(t, c, m)))
         select new EpisodeSpec
         {
             World = world,
             StartScene = start,
             Player = player,
             Models = [.. models],
             Sampling = sampling,
             Seed = seed,
             RoundLimit = rounds,
             StopAfterScene = flags.Item1,
             Director = flags.Item2,
             Deterministic = flags.Item3,
             ReflectionThreshold = threshold,
             Swap = swap,
         }).ToArbitrary();
}

public class EpisodeSpecTests
{
    private static TrajectoryHeader ThroughTheFile(TrajectoryHeader header) =>
        TrajectoryFile.Parse("spec.jsonl", [TrajectoryLines.Of(header)], endsWithNewline: true).Header;

    [Property(Arbitrary = [typeof(Specs)], MaxTest = 300)]
    public bool A_spec_written_as_a_header_line_and_read_back_is_the_same_spec(EpisodeSpec spec) =>
        EpisodeSpec.Of(ThroughTheFile(spec.Header("test", DateTimeOffset.UnixEpoch))) == spec;

    [Property(Arbitrary = [typeof(Specs)], MaxTest = 100)]
    public bool The_header_says_model_mode_exactly_when_a_model_plays_a_role(EpisodeSpec spec) =>
        spec.Header("test", DateTimeOffset.UnixEpoch).Mode == (spec.Models.IsEmpty ? "authored" : "model");

    [Fact]
    public void A_header_written_before_sampling_and_protocol_were_recorded_reads_with_its_temperature_and_the_defaults()
    {
        const string old = """{"record":"header","format":"taleforge/trajectory@1","taleforge":"0.1.0","created":"2026-01-02T03:04:05+00:00","world":{"id":"greywick","title":"Greywick","source":"/worlds/greywick","hash":"ab"},"seed":7,"mode":"model","models":[{"role":"characters","file":"tiny.gguf","bytes":10,"sha256":"cd","backend":"llama.cpp","parameters":{"ctx_size":"4096","parallel":"1","temp":"0.5","top_p":"0.95"}}]}""";

        var spec = EpisodeSpec.Of(TrajectoryFile.Parse("old.jsonl", [old], endsWithNewline: true).Header);

        Assert.Equal(Sampling.Default with { Temperature = 0.5f }, spec.Sampling);
        Assert.Equal(EpisodeProtocol.TaleForge, spec.Protocol);
        Assert.Equal((7L, false, false, 5.0, true, null), (spec.Seed, spec.Director, spec.StopAfterScene, spec.ReflectionThreshold, spec.Deterministic, spec.RoundLimit));
        Assert.Equal("tiny.gguf", spec.ModelFor(Role.Character("mara"))!.File);
        Assert.Null(spec.ModelFor(Role.Narrator));
    }

    [Fact]
    public void A_new_header_names_its_protocol_and_sampling_and_no_sampling_among_the_model_parameters()
    {
        var spec = new EpisodeSpec
        {
            World = new WorldReference("cove", "The Cove", "/cove", "ef"),
            Models = [new ModelReference { Role = Role.Narrator, File = "n.gguf", Parameters = ImmutableSortedDictionary<string, string>.Empty.Add("ctx_size", "8192") }],
            Sampling = Sampling.Default with { Temperature = 0.3f },
        };

        var line = TrajectoryLines.Of(spec.Header("test", DateTimeOffset.UnixEpoch));

        Assert.Contains("\"protocol\":\"taleforge\"", line, StringComparison.Ordinal);
        Assert.Contains("\"sampling\":{\"temperature\":0.3,\"top_k\":40,\"top_p\":0.95,\"min_p\":0.05,\"repeat_penalty\":1,\"repeat_last_n\":64,\"frequency_penalty\":0,\"presence_penalty\":0}", line, StringComparison.Ordinal);
        Assert.Contains("\"parameters\":{\"ctx_size\":\"8192\"}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_falls_back_on_the_characters_model_and_the_director_on_the_narrators()
    {
        var spec = new EpisodeSpec
        {
            World = new WorldReference("cove", "The Cove", "/cove", "ef"),
            Models =
            [
                new ModelReference { Role = Role.Characters, File = "all.gguf" },
                new ModelReference { Role = Role.Character("ben"), File = "ben.gguf" },
                new ModelReference { Role = Role.Narrator, File = "narrator.gguf" },
            ],
        };

        Assert.Equal(
            ["all.gguf", "ben.gguf", "narrator.gguf", "narrator.gguf"],
            new[] { Role.Character("ada"), Role.Character("ben"), Role.Narrator, Role.Director }.Select(r => spec.ModelFor(r)!.File));
    }

    [Fact]
    public void The_session_options_carry_the_seed_start_limits_and_threshold_of_the_spec()
    {
        var spec = new EpisodeSpec
        {
            World = new WorldReference("cove", "The Cove", "/cove", "ef"),
            Seed = 42,
            StartScene = "dusk",
            RoundLimit = 3,
            StopAfterScene = true,
            ReflectionThreshold = 2.5,
        };

        var options = spec.SessionOptions();

        Assert.Equal((42L, "dusk", 3, true, 2.5, null), (options.Seed, options.StartScene, options.RoundLimit, options.StopAfterScene, options.ReflectionThreshold, options.Trajectory));
    }
}
