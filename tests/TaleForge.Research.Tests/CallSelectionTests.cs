using TaleForge.Research.Export;

namespace TaleForge.Research.Tests;

public class CallSelectionTests
{
    [Fact]
    public void An_export_selection_is_read_once_from_its_option_and_refuses_roles_that_make_no_training_data()
    {
        Assert.Equal(["character", "all", "character:mara", "narrator", "director"],
            new[] { "character", "all", "character:mara", "narrator", "director" }.Select(r => CallSelection.Parse(r).Name));
        var judge = Assert.Throws<Core.TaleForgeException>(() => CallSelection.Parse("judge"));
        Assert.Equal("--role 'judge' is not a role; use character, character:ID, narrator, director or all.", judge.Message);
    }
}
