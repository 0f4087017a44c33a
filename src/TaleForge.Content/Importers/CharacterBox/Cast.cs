using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// The people of the imported scenes: one character per name, however many scenes they appear in, described as
/// the first imported scene that shows them; a one-scene import therefore carries that scene's description,
/// position and state. Ids come from names ("Mara Quill" -> mara-quill); a name with nothing Latin in it takes
/// "character-N", N being its place in the whole work in order of first appearance, so every import of a file
/// gives a person the same id.
/// </summary>
internal sealed class Cast
{
    private readonly Dictionary<string, Member> _byName = new(StringComparer.Ordinal);

    /// <summary>The members seen in the imported scenes, in order of first appearance there.</summary>
    private readonly List<Member> _members = [];

    private sealed record Appearance(SourceScene Scene, SceneIds Ids, SourceCharacter Character);

    private sealed class Member(string id)
    {
        public string Id { get; } = id;
        public List<Appearance> Appearances { get; } = [];
        public Appearance First => Appearances[0];
    }

    /// <param name="scenes">Every scene of the work, which ids are allocated over.</param>
    /// <param name="selected">The places of the imported scenes, whose appearances describe the characters.</param>
    public Cast(ImmutableArray<SourceScene> scenes, ImmutableArray<SceneIds> ids, ImmutableArray<int> selected)
    {
        var characterIds = new IdAllocator();
        var everyone = 0;
        for (var i = 0; i < scenes.Length; i++)
        {
            var imported = selected.Contains(i);
            foreach (var character in InIdOrder(scenes[i]))
            {
                if (!_byName.TryGetValue(character.NameKey, out var member))
                {
                    everyone++;
                    var slug = AsciiId.Slug(character.Name);
                    member = new Member(characterIds.Claim(slug.Length > 0 ? slug : $"character-{everyone.ToString(CultureInfo.InvariantCulture)}"));
                    _byName.Add(character.NameKey, member);
                }
                if (imported)
                {
                    if (member.Appearances.Count == 0)
                    {
                        _members.Add(member);
                    }
                    member.Appearances.Add(new Appearance(scenes[i], ids[i], character));
                }
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

    /// <summary>Every character of the imported scenes, in order of first appearance; the first of the first scene may be played.</summary>
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
