using TaleForge.LlamaCpp.Model;
using TaleForge.LlamaCpp.RandomModels;

namespace TaleForge.LlamaCpp.Tests;

[NeedsNativeLibrary]
public class ModelLoadingTests
{
    [Fact]
    public void The_tiny_random_model_is_under_one_megabyte_and_loads_with_its_vocabulary_and_chat_template()
    {
        Assert.True(new FileInfo(TestModels.TinyPath).Length <= 1_000_000, $"{new FileInfo(TestModels.TinyPath).Length} bytes");
        var model = TestModels.Tiny;
        Assert.Equal(ByteLevelVocabulary.Create().Tokens.Count, model.VocabularySize);
        Assert.Equal(2048, model.TrainedContextLength);
        Assert.Contains("<|im_start|>", model.ChatTemplate, StringComparison.Ordinal);
        Assert.True(model.ParameterCount > 100_000);
    }

    [Fact]
    public void Loading_reports_progress_from_zero_to_one()
    {
        var reports = new List<float>();
        using var model = LlamaModel.Load(TestModels.TinyPath, progress: new SynchronousProgress(reports.Add));
        Assert.NotEmpty(reports);
        Assert.Equal(1f, reports[^1]);
        Assert.All(reports, r => Assert.InRange(r, 0f, 1f));
    }

    private sealed class SynchronousProgress(Action<float> report) : IProgress<float>
    {
        public void Report(float value) => report(value);
    }
}
