using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Authored;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Episodes;

public class EpisodeCastTests
{
    private static readonly ModelReference Everyone = new() { Role = Role.Characters, File = "everyone.gguf" };
    private static readonly ModelReference ForTomas = new() { Role = Role.Character("tomas"), File = "tomas.gguf" };
    private static readonly ModelReference Narrating = new() { Role = Role.Narrator, File = "narrator.gguf" };

    private static ModelRole Asked(ModelReference model) => new() { Client = GrammarModel.Create(), Model = model.File, ContextTokens = 4096 };

    private static string? ModelOf(ICharacterAgent agent) => agent is ModelCharacter m ? m.Role.Model : null;

    [Fact]
    public void Each_character_gets_its_own_model_or_the_characters_model_and_the_player_none()
    {
        ModelReference[] models = [Everyone, ForTomas];
        var cast = EpisodeCast.Build(TestWorld.Harbour(), player: "mara", director: false, role => EpisodeSpec.ModelIn(models, role), Asked);

        Assert.Null(cast.AgentFor("mara"));
        Assert.Equal("tomas.gguf", ModelOf(cast.AgentFor("tomas")!));
        Assert.All(cast.Characters.Where(c => c.Key != "tomas"), c => Assert.Equal("everyone.gguf", ModelOf(c.Value)));
        Assert.IsType<RulesNarrator>(cast.Narrator);
        Assert.False(cast.IsAuthored);
    }

    [Fact]
    public void With_no_model_every_role_is_authored_and_the_director_follows_the_episode()
    {
        var cast = EpisodeCast.Build(TestWorld.Harbour(), player: null, director: true, _ => null, Asked);

        Assert.True(cast.IsAuthored);
        Assert.All(cast.Characters.Values, a => Assert.IsType<AuthoredCharacter>(a));
        Assert.True(cast.Director);
    }

    [Fact]
    public void A_swapped_character_is_played_by_its_own_agent_and_the_narrator_by_its_model()
    {
        ModelReference[] models = [Everyone, Narrating];
        var agent = new AuthoredCharacter("waits");
        var cast = EpisodeCast.Build(TestWorld.Harbour(), player: null, director: false, role => EpisodeSpec.ModelIn(models, role), Asked, ("tomas", agent));

        Assert.Same(agent, cast.AgentFor("tomas"));
        Assert.Equal("everyone.gguf", ModelOf(cast.AgentFor("mara")!));
        Assert.Equal("narrator.gguf", Assert.IsType<ModelNarrator>(cast.Narrator).Role.Model);
    }
}
