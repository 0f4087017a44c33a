namespace TaleForge.Inference.Grammar;

/// <summary>A named rule, <c>name ::= body</c>, with the place of its name in the grammar text.</summary>
public sealed record GbnfRule(string Name, GbnfExpression Body, int Line, int Column);
