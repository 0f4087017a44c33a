using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TaleForge.LlamaCpp.Loading;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>
/// Compiles a C program against the real llama.h with gcc and compares every size and field offset it prints with
/// the C# structs, so a layout mistake fails here instead of corrupting memory at run time.
/// </summary>
public class AbiLayoutTests
{
    /// <summary>C struct name, C# type, and the C fields in declaration order.</summary>
    private static readonly (string CName, Type Type, string[] Fields)[] _structs =
    [
        ("struct llama_model_params", typeof(LlamaModelParams),
            ["devices", "tensor_buft_overrides", "n_gpu_layers", "split_mode", "load_mode", "lazy_mode", "main_gpu", "tensor_split",
             "progress_callback", "progress_callback_user_data", "kv_overrides", "vocab_only", "check_tensors", "use_extra_bufts",
             "no_host", "no_alloc", "load_mtp"]),
        ("struct llama_context_params", typeof(LlamaContextParams),
            ["n_ctx", "n_batch", "n_ubatch", "n_seq_max", "n_rs_seq", "n_outputs_max", "n_outputs_max_per_seq", "n_threads", "n_threads_batch",
             "ctx_type", "rope_scaling_type", "pooling_type", "attention_type", "flash_attn_type", "rope_freq_base", "rope_freq_scale",
             "yarn_ext_factor", "yarn_attn_factor", "yarn_beta_fast", "yarn_beta_slow", "yarn_orig_ctx", "defrag_thold", "cb_eval",
             "cb_eval_user_data", "type_k", "type_v", "abort_callback", "abort_callback_data", "embeddings", "offload_kqv", "no_perf",
             "op_offload", "swa_full", "kv_unified", "samplers", "n_samplers", "ctx_other"]),
        ("struct llama_batch", typeof(LlamaBatch), ["n_tokens", "token", "embd", "pos", "n_seq_id", "seq_id", "logits"]),
        ("llama_token_data", typeof(LlamaTokenData), ["id", "logit", "p"]),
        ("llama_token_data_array", typeof(LlamaTokenDataArray), ["data", "size", "selected", "sorted"]),
        ("llama_sampler_chain_params", typeof(LlamaSamplerChainParams), ["no_perf"]),
        ("llama_chat_message", typeof(LlamaChatMessage), ["role", "content"]),
        ("llama_logit_bias", typeof(LlamaLogitBias), ["token", "bias"]),
        ("struct llama_sampler_i", typeof(LlamaSamplerInterface),
            ["name", "accept", "apply", "reset", "clone", "free", "backend_init", "backend_accept", "backend_apply", "backend_set_input",
             "backend_reset", "copy_state"]),
        ("struct llama_sampler", typeof(LlamaSampler), ["iface", "ctx"]),
        ("struct llama_perf_context_data", typeof(LlamaPerfContextData), ["t_start_ms", "t_load_ms", "t_p_eval_ms", "t_eval_ms", "n_p_eval", "n_eval", "n_reused"]),
    ];

    [Fact]
    [StartsProcesses]
    public void Every_native_struct_has_the_size_and_field_offsets_of_the_real_header()
    {
        var measured = MeasureWithGcc();
        foreach (var (cName, type, fields) in _structs)
        {
            Assert.Equal((cName, measured[$"{cName}|sizeof"]), (cName, (long)Marshal.SizeOf(type)));
            Assert.Equal(Marshal.SizeOf(type), (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!);
            var managed = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Select(f => f.Name).ToHashSet();
            Assert.Equal(fields.Select(PascalCase).Order(), managed.Order());
            foreach (var field in fields)
            {
                Assert.Equal((cName, field, measured[$"{cName}|{field}"]), (cName, field, (long)Marshal.OffsetOf(type, PascalCase(field))));
            }
        }
    }

    [Fact]
    public void Native_booleans_are_one_byte_and_structs_are_blittable()
    {
        Assert.Equal(1, Marshal.SizeOf<NativeBool>());
        Assert.Equal(1, Unsafe.SizeOf<NativeBool>());
        Assert.Equal(80, Unsafe.SizeOf<LlamaModelParams>());
        Assert.Equal(160, Unsafe.SizeOf<LlamaContextParams>());
        Assert.Equal(56, Unsafe.SizeOf<LlamaBatch>());
    }

    private static string PascalCase(string cName) =>
        string.Concat(cName.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static Dictionary<string, long> MeasureWithGcc()
    {
        var libraries = LibraryDirectory.Find(out _) ?? throw new InvalidOperationException("llama.cpp is not installed: run tools/install-llama.sh.");
        var include = Path.Combine(libraries, "include");
        Assert.True(File.Exists(Path.Combine(include, "llama.h")), $"llama.h missing in {include}: run tools/install-llama.sh.");
        var directory = Path.Combine(Path.GetTempPath(), $"taleforge-abi-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var lines = new List<string> { "#include <stddef.h>", "#include <stdio.h>", "#include \"llama.h\"", "int main(void) {" };
            foreach (var (cName, _, fields) in _structs)
            {
                lines.Add($"    printf(\"%s|sizeof %zu\\n\", \"{cName}\", sizeof({cName}));");
                lines.AddRange(fields.Select(f => $"    printf(\"%s|{f} %zu\\n\", \"{cName}\", offsetof({cName}, {f}));"));
            }
            lines.Add("    return 0;\n}");
            var source = Path.Combine(directory, "layout.c");
            File.WriteAllLines(source, lines);
            var program = Path.Combine(directory, "layout");
            Run("gcc", $"-std=c11 -I \"{include}\" -o \"{program}\" \"{source}\"");
            return Run(program, "")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => (Key: line[..line.LastIndexOf(' ')], Value: long.Parse(line[(line.LastIndexOf(' ') + 1)..])))
                .ToDictionary(p => p.Key, p => p.Value);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed: {error}");
        return output;
    }
}
