using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using TaleForge.Engine.Agents.Replies;

namespace TaleForge.Engine.Agents.Candidates;

/// <summary>A judge's pick among a character's candidate turns: the number of the one to play, and why.</summary>
public sealed record CandidatePickReply(
    [property: Description("The number of the candidate turn to play, as listed.")]
    string Choice,
    [property: Description("Why that turn fits the character and the scene best, in one short sentence.")]
    [property: MaxLength(200)] string Reason) : IReply
{
    public static string Schema => "candidate_pick";
}
