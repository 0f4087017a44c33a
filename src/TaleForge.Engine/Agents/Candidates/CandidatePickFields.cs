namespace TaleForge.Engine.Agents.Candidates;

/// <summary>The judge's instructions for a pick (candidate-pick-system).</summary>
public sealed record CandidatePickSystemFields(string Language);

/// <summary>
/// What the judge picks among (candidate-pick): the character's prompt as its candidates were asked it (empty when
/// it does not fit the judge's context) and each usable candidate by number, its fields in one line.
/// </summary>
public sealed record CandidatePickFields(IReadOnlyList<string> Asked, IReadOnlyList<CandidateFields> Candidates);

/// <param name="Text">The candidate's reply fields as "key: value; key: value", in the order the character gave them.</param>
public sealed record CandidateFields(int Number, string Text);
