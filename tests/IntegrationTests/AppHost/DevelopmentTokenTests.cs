using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.AppHost;

/// <summary>The two documented ways to get a development token, checked against the running gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DevelopmentTokenTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_token_command_prints_one_line_a_token_the_gateway_accepts()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var startInfo = new ProcessStartInfo(AppHostRun.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "run", "--project", Projects.AppHost.ProjectPath, "--no-build", "--no-launch-profile", "--", "token", userId })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var command = Process.Start(startInfo)!;
        var output = await command.StandardOutput.ReadToEndAsync();
        await command.WaitForExitAsync();

        Assert.Equal(0, command.ExitCode);
        var token = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.NotFound, await MyCartStatusAsync(token)); // signed in as a user with no cart yet
    }

    [Fact]
    public async Task The_create_token_command_of_the_identity_resource_returns_a_token_the_gateway_accepts()
    {
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();
        var arguments = new InteractionInputCollection(
        [
            new InteractionInput { Name = "userId", InputType = InputType.Text, Value = $"user-{Guid.NewGuid():N}" },
            new InteractionInput { Name = "minutes", InputType = InputType.Number, Value = "5" },
        ]);

        var result = await commands.ExecuteCommandAsync(platform.App.Resource<IResource>("identity"), "create-token", arguments);

        Assert.True(result.Success, result.Message);
        Assert.Equal(HttpStatusCode.NotFound, await MyCartStatusAsync(result.Data!.Value));
        Assert.Equal(HttpStatusCode.Unauthorized, await MyCartStatusAsync("not-a-token"));
    }

    private async Task<HttpStatusCode> MyCartStatusAsync(string token)
    {
        using var client = platform.CreateGatewayClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/me/cart");
        return response.StatusCode;
    }
}
