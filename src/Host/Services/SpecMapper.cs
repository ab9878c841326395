using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Host.Values;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.Services;

/// <summary>Maps experiment descriptors onto the wire's ExperimentSpec.</summary>
internal static class SpecMapper
{
    public static ExperimentSpec ToSpec(ExperimentDescriptor descriptor, bool withPurpose)
    {
        var description = descriptor.Description;
        if (withPurpose && descriptor.Purpose.Length > 0)
        {
            description = $"{description.TrimEnd('.')}. {descriptor.Purpose}";
        }

        if (descriptor.Aliases.Count > 0)
        {
            description += $" (aliases: {string.Join(", ", descriptor.Aliases)})";
        }

        var spec = new ExperimentSpec { Name = descriptor.Name, Description = description };
        foreach (var argument in ArgumentBinder.AllArguments(descriptor))
        {
            var parameter = new ParameterSpec
            {
                Name = argument.Name,
                Type = argument.Type.ToWireName(),
                Required = argument.Required,
                DefaultValue = argument.Default is null ? "" : ValueParser.Render(argument.Default),
                Description = Describe(argument),
            };
            parameter.AllowedValues.Add(argument.AllowedValues ?? []);
            spec.Parameters.Add(parameter);
        }

        foreach (var output in descriptor.Outputs)
        {
            spec.OutputParameters.Add(output.Name);
            spec.Attributes.Add(
                new AttributeSpec
                {
                    Name = output.Name,
                    Type = output.Type,
                    Description = output.Description,
                    Shape = output.Shape,
                }
            );
        }

        return spec;
    }

    private static string Describe(ArgumentSpec argument)
    {
        var text = argument.Description;
        if (argument.Unit.Length > 0)
        {
            text += $" [{argument.Unit}]";
        }

        if (argument.Minimum is not null || argument.Maximum is not null)
        {
            text +=
                $" (range {(argument.Minimum is { } lo ? ValueParser.Render(lo) : "-inf")} to {(argument.Maximum is { } hi ? ValueParser.Render(hi) : "inf")})";
        }

        if (argument.Aliases.Count > 0)
        {
            text += $" (also accepted as {string.Join(", ", argument.Aliases)})";
        }

        return text;
    }
}
