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
}
