namespace TaleForge.LlamaCpp.Chat;

/// <summary>GBNF for any JSON object, used when a caller asks for JSON without giving a schema.</summary>
internal static class JsonGrammar
{
    public const string AnyObject = """
        root   ::= object
        value  ::= object | array | string | number | ("true" | "false" | "null")
        object ::= "{" ws ( string ":" ws value ws ( "," ws string ":" ws value ws )* )? "}"
        array  ::= "[" ws ( value ws ( "," ws value ws )* )? "]"
        string ::= "\"" ( [^"\\\x00-\x1f] | "\\" ( ["\\/bfnrt] | "u" [0-9a-fA-F]{4} ) )* "\""
        number ::= "-"? ( "0" | [1-9] [0-9]* ) ( "." [0-9]+ )? ( [eE] [-+]? [0-9]+ )?
        ws     ::= [ \t\n]{0,8}
        """;
}
