using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Memory;

namespace TaleForge.Engine.Tests;

public class MemoryTests
{
    [Fact]
    public void Bm25_ranks_the_document_sharing_rare_query_terms_first()
    {
        var index = new Bm25();
        index.Add("The lamp is lit and the tide is out.");
        index.Add("Tomas hides the brass key under the tarp.");
        index.Add("The tide is turning and the tide is high.");

        var scores = index.Score("where is the key");

        Assert.True(scores[1] > scores[0] && scores[1] > scores[2], string.Join(", ", scores));
    }

    [Fact]
    public void Bm25_matches_chinese_by_characters_and_pairs()
    {
        Assert.Equal(["灯", "塔", "灯塔", "a1"], Bm25.Terms("灯塔 A1"));
        var index = new Bm25();
        index.Add("老周在灯塔上。");
        index.Add("码头很冷。");
        var scores = index.Score("灯塔");
        Assert.True(scores[0] > 0);
        Assert.Equal(0, scores[1]);
    }

    [Fact]
    public void Recall_keeps_the_relevant_and_the_important_and_returns_them_in_order()
    {
        var noon = new GameTime(1, 12 * 60);
        Observation Memory(long step, string text, double importance) => new(step, noon, 1, text, importance);
        var memories = new[]
        {
            Memory(1, "The gulls cry.", 0.1),
            Memory(2, "Tomas hides the key under the tarp.", 0.4),
            Memory(3, "Ines gives you the ledger.", 0.9),
            Memory(4, "The wind rises.", 0.1),
            Memory(5, "A boat passes.", 0.1),
        };

        var recalled = MemoryRetrieval.Recall(memories, "the key", noon, 2);

        Assert.Equal([2L, 3L], recalled.Select(m => m.Step));
    }

    [Fact]
    public void Recall_favours_recent_memories_when_nothing_else_differs()
    {
        var memories = Enumerable.Range(0, 6).Select(i => new Observation(i, new GameTime(1, i * 120), 1, "The sea.", 0.2)).ToList();
        var recalled = MemoryRetrieval.Recall(memories, "", new GameTime(1, 720), 2);
        Assert.Equal([4L, 5L], recalled.Select(m => m.Step));
    }
}
