using TaleForge.Tui.Map;

namespace TaleForge.Tui.Tests;

public sealed class PlaceMapTests
{
    [Fact]
    public void A_place_north_of_another_is_laid_out_one_cell_above_it()
    {
        var cells = PlaceMap.Layout(TestWorld.Harbour(), ["quay", "tower"]);
        Assert.Equal((0, 0), cells["quay"]);
        Assert.Equal((0, -1), cells["tower"]);
    }

    [Fact]
    public void Places_not_visited_are_left_off_and_the_player_is_drawn_in_brackets()
    {
        var rows = PlaceMap.Draw(TestWorld.Harbour(), ["quay", "tower"], "tower");
        var text = string.Join('\n', rows);
        Assert.Contains("[Tower Stair]", rows[0]);
        Assert.Contains(" Quay", rows[^1]);
        Assert.Contains("│", text);
        Assert.DoesNotContain("Lamp Room", text);
    }

    [Fact]
    public void A_way_up_is_marked_on_the_place_it_leaves()
    {
        var rows = PlaceMap.Draw(TestWorld.Harbour(), ["quay", "tower", "lamp_room"], "quay");
        Assert.Contains(rows, r => r.Contains("Tower Stair↑"));
        Assert.Contains(rows, r => r.Contains("Lamp Room↓"));
    }
}
