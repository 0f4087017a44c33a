using NJsonSchema;
using NJsonSchema.Validation;
using TaleForge.Content.Format;

namespace TaleForge.Content.Tests;

public class SchemaTests
{
    [Fact]
    public void The_checked_in_schema_is_exactly_what_the_format_generates()
    {
        Assert.Equal(SchemaExporter.Export(), File.ReadAllText(Repository.Schema));
    }

    [Slow]
    [Fact]
    public async Task The_schema_is_draft_07_and_rejects_what_the_loader_rejects()
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaExporter.Export());

        Assert.Contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\"", SchemaExporter.Export());
        Assert.Empty(schema.Validate("""{"spec": "taleforge/world@1", "world": {"id": "w", "title": "W"}}"""));
        Assert.Contains((ValidationErrorKind.NotInEnumeration, "spec"), SchemaErrors.Of(schema, """{"spec": "taleforge/world@2"}"""));
        Assert.Contains((ValidationErrorKind.PatternMismatch, "id"), SchemaErrors.Of(schema, """{"spec": "taleforge/world@1", "world": {"id": "Bad Id", "title": "W"}}"""));
        Assert.Contains((ValidationErrorKind.NoAdditionalPropertiesAllowed, "colour"), SchemaErrors.Of(schema, """{"spec": "taleforge/world@1", "world": {"id": "w", "title": "W", "colour": "red"}}"""));
        Assert.NotEmpty(schema.Validate("""{"spec": "taleforge/world@1", "scenes": [{"id": "s", "location": "l", "end": {"when": {"flag": "a", "round": 2}}}]}"""));
        Assert.Contains((ValidationErrorKind.NumberTooBig, "openness"), SchemaErrors.Of(schema, """{"spec": "taleforge/world@1", "characters": [{"id": "c", "name": "C", "personality": {"big_five": {"openness": 1.5, "conscientiousness": 0, "extraversion": 0, "agreeableness": 0, "neuroticism": 0}}}]}"""));
    }

    [Fact]
    public void Every_mapping_of_the_format_is_a_definition_and_every_key_has_a_description()
    {
        var schema = SchemaExporter.Export();

        foreach (var shape in WorldFormat.Objects.Where(o => o != WorldFormat.File))
        {
            Assert.Contains($"\"{shape.Name}\": {{", schema);
        }
        Assert.All(WorldFormat.Objects.SelectMany(o => o.Fields), f => Assert.False(string.IsNullOrWhiteSpace(f.Description), f.Name));
    }
}
