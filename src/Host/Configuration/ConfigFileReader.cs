using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>
/// Reads a setup file as strict JSON (comments allowed): a syntax error is reported with line
/// and column, and a key given twice in one object is an error rather than a silent override.
/// </summary>
internal static class ConfigFileReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    public static JsonObject? Read(string path, List<ConfigProblem> problems)
    {
        if (Directory.Exists(path))
        {
            problems.Add(new ConfigProblem(path, "is a directory, not a setup file"));
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigProblem(path, $"cannot read the file: {ex.Message}"));
            return null;
        }

        return Parse(bytes, path, problems);
    }

    public static JsonObject? Parse(byte[] bytes, string source, List<ConfigProblem> problems)
    {
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var json = bytes.AsMemory(start);
        try
        {
            CheckDuplicateKeys(json.Span, source, problems);
            var node = JsonNode.Parse(json.Span, documentOptions: Options);
            if (node is JsonObject obj)
            {
                return problems.Count == 0 ? obj : null;
            }

            problems.Add(new ConfigProblem(source, "the setup file must be a JSON object ({ ... })"));
            return null;
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            problems.Add(
                new ConfigProblem(
                    $"{source}:{line}:{column}",
                    $"JSON syntax error at line {line}, column {column}: {Reason(ex.Message)}"
                )
            );
            return null;
        }
    }

    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var reason = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        var advice = reason.IndexOf(" which is not supported in this mode", StringComparison.Ordinal);
        return advice > 0 ? reason[..advice] + " (trailing commas are not allowed in JSON)" : reason;
    }

    private static void CheckDuplicateKeys(ReadOnlySpan<byte> json, string source, List<ConfigProblem> problems)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var scopes = new Stack<(HashSet<string>? Keys, string Path)>();
        var pendingName = "";
        var arrayIndex = new Stack<int>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    scopes.Push(
                        (new HashSet<string>(StringComparer.Ordinal), ChildPath(scopes, pendingName, arrayIndex))
                    );
                    break;
                case JsonTokenType.StartArray:
                    scopes.Push((null, ChildPath(scopes, pendingName, arrayIndex)));
                    arrayIndex.Push(-1);
                    break;
                case JsonTokenType.EndArray:
                    scopes.Pop();
                    arrayIndex.Pop();
                    break;
                case JsonTokenType.EndObject:
                    scopes.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString() ?? "";
                    var (keys, path) = scopes.Peek();
                    if (keys is not null && !keys.Add(pendingName))
                    {
                        var line = json[..(int)reader.TokenStartIndex].Count((byte)'\n') + 1;
                        problems.Add(
                            new ConfigProblem(
                                $"{path}.{pendingName}",
                                $"key '{pendingName}' appears more than once in the same object (second time at {Path.GetFileName(source)} line {line}); remove one"
                            )
                        );
                    }

                    break;
            }
        }
    }

    private static string ChildPath(
        Stack<(HashSet<string>? Keys, string Path)> scopes,
        string pendingName,
        Stack<int> arrayIndex
    )
    {
        if (scopes.Count == 0)
        {
            return "$";
        }

        var (keys, path) = scopes.Peek();
        if (keys is null)
        {
            var index = arrayIndex.Pop() + 1;
            arrayIndex.Push(index);
            return $"{path}[{index}]";
        }

        return $"{path}.{pendingName}";
    }
}
