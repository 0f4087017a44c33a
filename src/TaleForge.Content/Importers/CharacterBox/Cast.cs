using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// The people of the imported scenes: one character per name, however many scenes they appear in, described as
/// the first scene that shows them. Ids come from names ("Mara Quill" -> mara-quill); a name with nothing Latin
/// in it takes "character-N", N being its place in order of first appearance.
/// </summary>
internal sealed class Cast
{
    private readonly Dictionary<string, Member> _byName = new(StringComparer.Ordinal);
    private readonly List<Member> _members = [];

    private sealed record Appearance(SourceScene Scene, SceneIds Ids, SourceCharacter Character);

    private sealed class Member(string id, Appearance first)
    {
        public string Id { get; } = id;
        public Appearance First { get; } = first;
        public List<Appearance> Appearances { get; } = [first];
    }

    public Cast(ImmutableArray<SourceScene> scenes, ImmutableArray<SceneIds> ids)
    {
        var characterIds = new IdAllocator();
        for (var i = 0; i < scenes.Length; i++)
        {
            foreach (var character in InIdOrder(scenes[i]))
            {
                var appearance = new Appearance(scenes[i], ids[i], character);
                if (_byName.TryGetValue(character.NameKey, out var member))
                {
                    member.Appearances.Add(appearance);
                    continue;
                }
                var slug = AsciiId.Slug(character.Name);
                member = new Member(characterIds.Claim(slug.Length > 0 ? slug : $"character-{(_members.Count + 1).ToString(CultureInfo.InvariantCulture)}"), appearance);
                _byName.Add(character.NameKey, member);
                _members.Add(member);
            }
        }
    }

    /// <summary>The world id of a scene's character.</summary>
    public string IdOf(SourceCharacter character) => _byName[character.NameKey].Id;

    /// <summary>A scene's characters in the order of their ids (numerically when the ids are numbers), as CharacterBox lists them.</summary>
    public static IEnumerable<SourceCharacter> InIdOrder(SourceScene scene) =>
        scene.Characters.All(c => long.TryParse(c.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            ? scene.Characters.OrderBy(c => long.Parse(c.Id, NumberStyles.Integer, CultureInfo.InvariantCulture))
            : scene.Characters;

    /// <summary>Every character, in order of first appearance; the first of the first scene may be played.</summary>
    public ImmutableArray<CharacterDefinition> Definitions(string language) =>
        [.. _members.Select((member, index) => Definition(member, index == 0, language))];

    private static CharacterDefinition Definition(Member member, bool player, string language)
    {
        var first = member.First.Character;
        var gender = member.Appearances.Select(a => a.Character.Gender).FirstOrDefault(g => g is not null);
        return new CharacterDefinition
        {
            Id = member.Id,
            Name = first.Name,
            Pronouns = Pronouns.For(gender, language),
            Description = member.Appearances.Select(a => a.Character.Description).FirstOrDefault(d => d.Length > 0) ?? "",
            Start = new CharacterStart
            {
                Location = member.First.Ids.Location,
                Position = first.Position,
                State = first.States,
            },
            Player = player,
            Extensions = new ExtensionData()
                .Add("gender", gender)
                .Add("appearances", member.Appearances.Select(a => new ExtensionData().Add("scene", a.Scene.Id).Add("id", a.Character.Id)))
                .UnderKey(),
        };
    }
}
