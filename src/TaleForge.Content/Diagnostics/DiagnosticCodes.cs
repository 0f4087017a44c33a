namespace TaleForge.Content.Diagnostics;

/// <summary>
/// Every code a world can be reported with. Codes are stable, so scripts and documentation can refer to them;
/// docs/world-format.md lists each one.
/// </summary>
public static class DiagnosticCodes
{
    // Files and folders: reading bytes safely.
    public const string FolderNotFound = "TF001";
    public const string FileTooLarge = "TF002";
    public const string TooManyFiles = "TF003";
    public const string InvalidUtf8 = "TF004";
    public const string BinaryData = "TF005";
    public const string EmptyFile = "TF006";
    public const string PathOutsideWorld = "TF007";
    public const string SymbolicLink = "TF008";
    public const string Unreadable = "TF009";
    public const string IgnoredFile = "TF010";
    public const string IncludeNotFound = "TF011";
    public const string NotARegularFile = "TF012";

    // YAML: the text is not a document we read.
    public const string Syntax = "TF020";
    public const string DuplicateKey = "TF021";
    public const string AnchorOrAlias = "TF022";
    public const string TooDeep = "TF023";
    public const string Tag = "TF024";
    public const string NotAMapping = "TF025";
    public const string SeveralDocuments = "TF026";
    public const string ComplexKey = "TF027";

    // Shape: the document does not follow the format.
    public const string UnknownKey = "TF100";
    public const string WrongType = "TF101";
    public const string MissingField = "TF102";
    public const string OutOfRange = "TF103";
    public const string InvalidValue = "TF104";
    public const string Spec = "TF105";
    public const string WorldSection = "TF106";
    public const string InvalidRegex = "TF107";

    // Meaning: the world does not hold together.
    public const string DuplicateId = "TF200";
    public const string DanglingReference = "TF201";
    public const string SceneNeverEnds = "TF202";
    public const string ItemInTwoPlaces = "TF203";
    public const string DuplicateExit = "TF204";
    public const string EmptyWorld = "TF205";

    // Warnings: legal, but probably not what the author meant.
    public const string UnreachableLocation = "TF300";
    public const string UnusedItem = "TF301";
    public const string ConditionNeverHolds = "TF302";
    public const string NoPlayer = "TF303";
    public const string UnreachableScene = "TF304";
    public const string NarrationNeverHeard = "TF305";
    public const string DescriptionNamesNoDetail = "TF306";
    public const string TooManyProblems = "TF399";

    /// <summary>Every code with its constant's name, for documentation and tests.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
        [.. typeof(DiagnosticCodes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => ((string)f.GetRawConstantValue()!, f.Name))
            .OrderBy(c => c.Item1, StringComparer.Ordinal)];
}
