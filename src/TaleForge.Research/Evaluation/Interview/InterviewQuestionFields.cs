namespace TaleForge.Research.Evaluation.Interview;

/// <summary>One statement of the inventory put to a character (interview-question).</summary>
/// <param name="Statement">The statement, its stem included ("I see myself as someone who is talkative").</param>
public sealed record InterviewQuestionFields(string Name, int Number, string Statement);
