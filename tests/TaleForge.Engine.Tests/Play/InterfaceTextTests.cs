using TaleForge.Engine.Agents;
using TaleForge.Engine.Play.Messages;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Play;

public class InterfaceTextTests
{
    private static readonly ModelReference[] Models =
    [
        new() { Role = Role.Characters, File = "qwen.gguf", Backend = "llama.cpp CPU" },
        new() { Role = Role.Narrator, File = "narrator.gguf" },
        new() { Role = Role.Character("han"), File = "han.gguf", Backend = "llama.cpp CUDA" },
    ];

    private static string Name(string id) => id == "han" ? "韩掌柜" : id;

    [Fact]
    public void An_english_world_names_each_role_and_its_model_in_english()
    {
        Assert.Equal(
            "Models: the characters on qwen.gguf (llama.cpp CPU); the narrator on narrator.gguf; 韩掌柜 on han.gguf (llama.cpp CUDA).",
            InterfaceText.For("en").PlayedBy(Models, Name));
    }

    [Fact]
    public void A_chinese_world_names_each_role_and_its_model_in_chinese()
    {
        Assert.Equal(
            "模型：众角色由 qwen.gguf (llama.cpp CPU) 扮演；旁白由 narrator.gguf 扮演；韩掌柜由 han.gguf (llama.cpp CUDA) 扮演。",
            InterfaceText.For("zh").PlayedBy(Models, Name));
    }

    [Fact]
    public void A_chinese_world_tells_a_failed_model_call_and_how_to_leave_in_chinese()
    {
        var text = InterfaceText.For("zh");

        var overflow = text.ModelCallFailed("韩掌柜", "the prompt has 900 tokens", overflow: true);
        var other = text.ModelCallFailed("韩掌柜", "refused 3 times", overflow: false);

        Assert.StartsWith("（韩掌柜的模型无法作答", overflow, StringComparison.Ordinal);
        Assert.Contains("--ctx-size", overflow, StringComparison.Ordinal);
        Assert.StartsWith("（韩掌柜的模型没有给出可用的回复", other, StringComparison.Ordinal);
        Assert.Contains("Ctrl-C", text.CtrlCAgainLeaves, StringComparison.Ordinal);
        Assert.DoesNotContain("again", text.CtrlCAgainLeaves, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_world_says_what_to_do_only_when_the_prompt_did_not_fit()
    {
        var text = InterfaceText.For("en");

        Assert.Contains("play with a larger --ctx-size", text.ModelCallFailed("maud", "too long", overflow: true), StringComparison.Ordinal);
        Assert.DoesNotContain("--ctx-size", text.ModelCallFailed("maud", "refused", overflow: false), StringComparison.Ordinal);
    }
}
