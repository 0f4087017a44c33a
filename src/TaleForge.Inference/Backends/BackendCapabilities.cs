namespace TaleForge.Inference.Backends;

/// <summary>What a backend can promise, so the engine and the header do not assume more than it gives.</summary>
/// <param name="ConstrainedOutput">A JSON schema in the request restricts the reply to it (a grammar), so replies always parse.</param>
/// <param name="Seeds">A request's seed fixes its sampling.</param>
/// <param name="Deterministic">Same prompt, settings and seed give the same reply byte for byte (a CPU, say; not every GPU).</param>
public sealed record BackendCapabilities(bool ConstrainedOutput, bool Seeds, bool Deterministic);
