using TaleForge.Engine.Agents;

namespace TaleForge.Engine.Tests.Episodes;

public class RoleTests
{
    [Theory]
    [InlineData("narrator", RoleKind.Narrator, null)]
    [InlineData("director", RoleKind.Director, null)]
    [InlineData("characters", RoleKind.Characters, null)]
    [InlineData("character:mara", RoleKind.Character, "mara")]
    [InlineData("character:a:b", RoleKind.Character, "a:b")]
    [InlineData("player:老王", RoleKind.Player, "老王")]
    [InlineData("judge", RoleKind.Judge, null)]
    [InlineData("interviewer", RoleKind.Interviewer, null)]
    public void A_role_is_read_from_its_string_form_and_written_back_unchanged(string text, RoleKind kind, string? character)
    {
        var role = Role.Parse(text);

        Assert.Equal((kind, character, text), (role.Kind, role.CharacterId, role.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Narrator")]
    [InlineData("character:")]
    [InlineData("cook")]
    public void A_string_that_names_no_role_is_an_error_that_lists_the_roles(string text)
    {
        var error = Assert.Throws<Core.TaleForgeException>(() => Role.Parse(text));

        Assert.Equal($"'{text}' is not a role; a role is narrator, director, characters, character:ID, player:ID, judge or interviewer.", error.Message);
    }
}
