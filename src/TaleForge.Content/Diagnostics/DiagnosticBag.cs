namespace TaleForge.Content.Diagnostics;

/// <summary>
/// Collects the problems of one load. Capped, so a hostile file of a million bad lines costs a bounded
/// amount of memory and output; the last entry then says that reporting stopped.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly int _limit;
    private bool _overflowed;

    public DiagnosticBag(int limit = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.IsError);

    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (_items.Count < _limit)
        {
            _items.Add(diagnostic);
        }
        else if (!_overflowed)
        {
            _overflowed = true;
            _items.Add(new Diagnostic(
                Severity.Error, diagnostic.File, diagnostic.Line, diagnostic.Column, DiagnosticCodes.TooManyProblems,
                $"more than {_limit} problems; the rest are not shown",
                "fix the problems above and validate again"));
        }
    }

    public void Error(SourcePosition at, string code, string message, string hint) =>
        Add(new Diagnostic(Severity.Error, at.File, at.Line, at.Column, code, message, hint));

    public void Warning(SourcePosition at, string code, string message, string hint) =>
        Add(new Diagnostic(Severity.Warning, at.File, at.Line, at.Column, code, message, hint));
}
