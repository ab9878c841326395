using System.Globalization;
using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Host.Text;
using NJsonSchema;
using NJsonSchema.Validation;

namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>
/// Validates a JSON value against a draft-7 schema with NJsonSchema and turns each error into a
/// <see cref="ConfigProblem"/> with a JSON path, the offending value and what is allowed.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly JsonSchema _schema;

    private SchemaValidator(JsonSchema schema) => _schema = schema;

    public static async Task<SchemaValidator> CreateAsync(string schemaJson) =>
        new(await JsonSchema.FromJsonAsync(schemaJson).ConfigureAwait(false));

    /// <summary>Names of the top-level properties the schema declares.</summary>
    public IReadOnlyCollection<string> TopLevelProperties => _schema.Properties.Keys.ToList();

    /// <summary>Validates <paramref name="value"/>; paths are reported below <paramref name="rootPath"/>.</summary>
    public void Validate(
        JsonNode value,
        string rootPath,
        List<ConfigProblem> problems,
        ISet<string>? extraAllowedKeys = null
    )
    {
        // The validator cannot handle integers beyond 64 bits; report them here and validate the rest.
        var checkable = value.DeepClone();
        RemoveHugeIntegers(checkable, rootPath, problems);
        var errors = _schema.Validate(checkable.ToJsonString());
        foreach (var error in Flatten(errors, schemaPath => Lookup(value, rootPath, ToPath(rootPath, schemaPath))))
        {
            var path = ToPath(rootPath, error.Path);
            if (
                error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed
                && extraAllowedKeys is not null
                && ParentPath(path) == rootPath
                && extraAllowedKeys.Contains(error.Property ?? "")
            )
            {
                continue;
            }

            problems.Add(new ConfigProblem(path, Describe(error, value, rootPath, path, extraAllowedKeys)));
        }
    }

    private static void RemoveHugeIntegers(JsonNode node, string path, List<ConfigProblem> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue leaf && IsHugeInteger(leaf))
                    {
                        problems.Add(
                            new ConfigProblem(
                                $"{path}.{key}",
                                $"{Text.Clip.Text(leaf.ToJsonString())} is far too large for any setting"
                            )
                        );
                        obj.Remove(key);
                    }
                    else if (child is not null)
                    {
                        RemoveHugeIntegers(child, $"{path}.{key}", problems);
                    }
                }

                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is JsonValue leaf && IsHugeInteger(leaf))
                    {
                        problems.Add(
                            new ConfigProblem(
                                $"{path}[{i}]",
                                $"{Text.Clip.Text(leaf.ToJsonString())} is far too large for any setting"
                            )
                        );
                        array.RemoveAt(i);
                    }
                    else if (array[i] is { } child)
                    {
                        RemoveHugeIntegers(child, $"{path}[{i}]", problems);
                    }
                }

                break;
        }
    }

    private static bool IsHugeInteger(JsonValue value)
    {
        if (value.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return false;
        }

        var text = value.ToJsonString();
        return text.IndexOfAny(['.', 'e', 'E']) < 0
            && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    private static IEnumerable<ValidationError> Flatten(
        IEnumerable<ValidationError> errors,
        Func<string?, JsonNode?> lookup
    )
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                var nested = child.Errors.Values.SelectMany(e => e).ToList();
                if (nested.Count > 0 && error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
                {
                    // Report the branch whose type matches the value (else the one with the fewest
                    // problems): it is the one the author meant.
                    var kind = KindOf(lookup(error.Path));
                    var best = child
                        .Errors.OrderBy(e => e.Key.Type.HasFlag(kind) ? 0 : 1)
                        .ThenBy(e => e.Value.Count)
                        .First()
                        .Value;
                    foreach (var inner in Flatten(best, lookup))
                    {
                        yield return inner;
                    }

                    continue;
                }

                foreach (var inner in Flatten(nested, lookup))
                {
                    yield return inner;
                }

                continue;
            }

            yield return error;
        }
    }

    private static string Describe(
        ValidationError error,
        JsonNode root,
        string rootPath,
        string path,
        ISet<string>? extra
    )
    {
        var schema = error.Schema;
        var actual = Lookup(root, rootPath, path);
        var shown = actual is null ? "null" : actual.ToJsonString();
        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
            {
                var known = (error.Schema?.ActualProperties.Keys ?? [])
                    .Concat(extra ?? new HashSet<string>())
                    .Distinct()
                    .OrderBy(k => k, StringComparer.Ordinal)
                    .ToList();
                return $"unknown key '{error.Property}'.{NameSuggester.Hint(error.Property ?? "", known)} Allowed here: {string.Join(", ", known)}";
            }

            case ValidationErrorKind.PropertyRequired:
                return $"required key '{error.Property}' is missing";
            case ValidationErrorKind.NotInEnumeration:
                return $"{shown} is not allowed; use one of {string.Join(", ", schema?.Enumeration.Select(e => e is string s ? $"\"{s}\"" : Convert.ToString(e, CultureInfo.InvariantCulture)) ?? [])}";
            case ValidationErrorKind.IntegerExpected:
                return $"{shown} must be an integer";
            case ValidationErrorKind.NumberExpected:
                return $"{shown} must be a number";
            case ValidationErrorKind.StringExpected:
                return $"{shown} must be a string";
            case ValidationErrorKind.BooleanExpected:
                return $"{shown} must be true or false";
            case ValidationErrorKind.ObjectExpected:
                return $"{shown} must be an object";
            case ValidationErrorKind.ArrayExpected:
                return $"{shown} must be an array";
            case ValidationErrorKind.NumberTooSmall:
                return schema?.IsExclusiveMinimum == true || schema?.ExclusiveMinimum is not null
                    ? $"{shown} must be greater than {Format(schema.ExclusiveMinimum ?? schema.Minimum)}"
                    : $"{shown} must be at least {Format(schema?.Minimum)}";
            case ValidationErrorKind.NumberTooBig:
                return schema?.IsExclusiveMaximum == true || schema?.ExclusiveMaximum is not null
                    ? $"{shown} must be less than {Format(schema.ExclusiveMaximum ?? schema.Maximum)}"
                    : $"{shown} must be at most {Format(schema?.Maximum)}";
            case ValidationErrorKind.PatternMismatch:
                return $"{shown} does not match the pattern {schema?.Pattern}";
            case ValidationErrorKind.StringTooShort:
                return $"{shown} is too short (at least {schema?.MinLength} characters)";
            case ValidationErrorKind.TooFewItems:
                return $"needs at least {schema?.MinItems} items";
            case ValidationErrorKind.TooManyItems:
                return $"allows at most {schema?.MaxItems} items";
            default:
                return $"{shown}: {Humanize(error.Kind.ToString())}";
        }
    }

    private static JsonObjectType KindOf(JsonNode? node) =>
        node?.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.Object => JsonObjectType.Object,
            System.Text.Json.JsonValueKind.Array => JsonObjectType.Array,
            System.Text.Json.JsonValueKind.String => JsonObjectType.String,
            System.Text.Json.JsonValueKind.Number => node.ToJsonString().Contains('.', StringComparison.Ordinal)
                ? JsonObjectType.Number
                : JsonObjectType.Integer,
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => JsonObjectType.Boolean,
            _ => JsonObjectType.Null,
        };

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Humanize(string kind) =>
        string.Concat(
            kind.Select(
                (c, i) =>
                    i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()
            )
        );

    private static string ToPath(string rootPath, string? schemaPath)
    {
        var tail = (schemaPath ?? "#").TrimStart('#').TrimStart('/');
        return tail.Length == 0 ? rootPath : $"{rootPath}.{tail}";
    }

    private static string ParentPath(string path)
    {
        var cut = path.LastIndexOf('.');
        return cut < 0 ? path : path[..cut];
    }

    private static JsonNode? Lookup(JsonNode root, string rootPath, string path)
    {
        if (!path.StartsWith(rootPath, StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var segment in path[rootPath.Length..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var indices = new List<int>();
            if (bracket >= 0)
            {
                name = segment[..bracket];
                foreach (var part in segment[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
                {
                    indices.Add(int.Parse(part.TrimEnd(']'), CultureInfo.InvariantCulture));
                }
            }

            node = name.Length > 0 ? (node as JsonObject)?[name] : node;
            foreach (var index in indices)
            {
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }

        return node;
    }
}
