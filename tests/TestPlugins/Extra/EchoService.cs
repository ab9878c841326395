using Grpc.Core;
using LeeQ.Epii.TestPlugins.Extra.V1;

namespace LeeQ.Epii.TestPlugins.Extra;

/// <summary>Answers with the text it was sent, reversed, so a test can tell it really ran.</summary>
public sealed class EchoService : Echo.EchoBase
{
    public override Task<EchoMessage> Say(EchoMessage request, ServerCallContext context) =>
        Task.FromResult(new EchoMessage { Text = new string(request.Text.Reverse().ToArray()) });
}
