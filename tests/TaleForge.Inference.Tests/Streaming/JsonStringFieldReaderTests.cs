using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Streaming;
using TaleForge.Inference.Structured;

namespace TaleForge.Inference.Tests.Streaming;

public sealed class JsonStringFieldReaderTests
{
    private const string Reply = """{"kind":"say","target":"maud","line":"Caf\u00e9 \"lights\"\nnow 🏮","mood":{"line":"inner"},"notes":["a","b"],"description":"She turns."}""";

    private static string Read(JsonStringFieldReader reader, IEnumerable<string> pieces, string field) =>
        string.Concat(pieces.SelectMany(reader.Read).Where(t => t.Field == field).Select(t => t.Text));

    [Fact]
    public void The_chosen_fields_come_back_decoded_and_the_others_are_skipped()
    {
        var reader = new JsonStringFieldReader(["line", "description"]);

        var found = reader.Read(Reply);

        Assert.Equal(["line", "line", "description"], found.Select(f => f.Field));
        Assert.Equal("Café \"lights\"\nnow 🏮", found[0].Text);
        Assert.Equal("inner", found[1].Text);
        Assert.Equal("She turns.", found[2].Text);
    }

    [Fact]
    public void Split_at_every_point_the_text_is_the_same_as_read_whole_escapes_and_surrogates_included()
    {
        var expected = JsonDocument.Parse(Reply).RootElement.GetProperty("line").GetString() + "inner";
        for (var cut = 0; cut <= Reply.Length; cut++)
        {
            var reader = new JsonStringFieldReader(["line"]);

            var text = Read(reader, [Reply[..cut], Reply[cut..]], "line");

            Assert.True(expected == text, $"cut at {cut}: '{text}'");
        }
    }

    [Fact]
    public void One_character_at_a_time_gives_the_text_as_it_arrives()
    {
        var reader = new JsonStringFieldReader(["notes"]);

        var pieces = Reply.Select(c => c.ToString()).ToList();

        Assert.Equal("ab", Read(reader, pieces, "notes"));
    }

    [Fact]
    public async Task A_typed_request_with_a_listener_streams_the_visible_fields_and_still_reads_the_whole_reply()
    {
        string[] pieces = ["{\"speaker\":\"Maud\",\"li", "ne\":\"The lamps", " are lit.\"}"];
        var client = CallbackChatClient.Streaming((_, _) => pieces);
        var heard = new List<StreamedText>();
        var options = new ChatOptions().WithCallContext(new ModelCallContext("character.maud.action", 3));

        TypedResult<Spoken> result;
        using (ReplyTextListener.Listen(heard.Add))
        {
            result = await new TypedRequest<Spoken>(client).SendAsync([new(ChatRole.User, "Speak.")], options);
        }

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("The lamps are lit.", result.Value.Line);
        Assert.Equal(["The lamps", " are lit."], heard.Select(h => h.Text));
        Assert.All(heard, h => Assert.Equal(("character.maud.action", 1, "line"), (h.Role, h.Attempt, h.Field)));
    }

    public sealed record Spoken(string Speaker, string Line);
}
