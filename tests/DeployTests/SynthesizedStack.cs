using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Deploy;

namespace DeployTests;

/// <summary>
/// The stack of a <c>test</c> environment, synthesized once per test class (it takes seconds): the CDK assertions
/// <see cref="Template"/> and its JSON. Images stay CDK assets: synth stages their sources and never runs Docker.
/// </summary>
public sealed class SynthesizedStack : IDisposable
{
    public const string EnvironmentName = "test";

    private readonly string _outdir = Directory.CreateTempSubdirectory("deploy-tests-").FullName;

    public SynthesizedStack()
        : this(new Dictionary<string, object>())
    {
    }

    /// <summary>The stack with more context (<c>imageRegistry</c>, …) beside the test environment's.</summary>
    internal SynthesizedStack(IReadOnlyDictionary<string, object> context)
    {
        var app = new App(new AppProps
        {
            Outdir = _outdir,
            Context = new Dictionary<string, object>(context)
            {
                ["env"] = EnvironmentName,
                ["account"] = "123456789012",
                ["region"] = "eu-west-1",
            },
        });
        var stack = new PlatformStack(app, PlatformSettings.FromContext(app.Node));
        Template = Template.FromStack(stack);
        Json = JsonNode.Parse(JsonSerializer.Serialize(Template.ToJSON()))!.AsObject();
    }

    public Template Template { get; }

    public JsonObject Json { get; }

    /// <summary>Every resource of a CloudFormation type, by logical id.</summary>
    public IEnumerable<(string Id, JsonObject Properties)> Resources(string type) =>
        Json["Resources"]!.AsObject()
            .Where(resource => (string?)resource.Value!["Type"] == type)
            .Select(resource => (resource.Key, resource.Value!["Properties"]?.AsObject() ?? []));

    /// <summary>The task definition whose main container is the named service.</summary>
    public JsonObject TaskDefinition(string service) => Resources("AWS::ECS::TaskDefinition")
        .Single(task => (string?)task.Properties["ContainerDefinitions"]![0]!["Name"] == service).Properties;

    /// <summary>The ECS service that runs the named service's task definition.</summary>
    public JsonObject Service(string service) => Resources("AWS::ECS::Service").Single(s => s.Id == ServiceId(service)).Properties;

    /// <summary>The logical id of the ECS service that runs the named service's task definition.</summary>
    public string ServiceId(string service)
    {
        var taskId = Resources("AWS::ECS::TaskDefinition")
            .Single(task => (string?)task.Properties["ContainerDefinitions"]![0]!["Name"] == service).Id;
        return Resources("AWS::ECS::Service").Single(s => (string?)s.Properties["TaskDefinition"]!["Ref"] == taskId).Id;
    }

    /// <summary>Every statement of the policies attached to the named service's task role.</summary>
    public IReadOnlyList<JsonObject> TaskRoleStatements(string service)
    {
        var roleId = (string)TaskDefinition(service)["TaskRoleArn"]!["Fn::GetAtt"]![0]!;
        return [.. Resources("AWS::IAM::Policy")
            .Where(policy => policy.Properties["Roles"]!.AsArray().Any(role => (string?)role!["Ref"] == roleId))
            .SelectMany(policy => policy.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))];
    }

    /// <summary>Every statement of the policies attached to the named service's task execution role (the one ECS pulls images with).</summary>
    public IReadOnlyList<JsonObject> ExecutionRoleStatements(string service)
    {
        var roleId = (string)TaskDefinition(service)["ExecutionRoleArn"]!["Fn::GetAtt"]![0]!;
        return [.. Resources("AWS::IAM::Policy")
            .Where(policy => policy.Properties["Roles"]!.AsArray().Any(role => (string?)role!["Ref"] == roleId))
            .SelectMany(policy => policy.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))];
    }

    /// <summary>The Docker image assets synth staged (none when the images are prebuilt), from the stack's asset manifest.</summary>
    public IReadOnlyList<ImageAsset> ImageAssets() =>
    [
        .. Directory.GetFiles(_outdir, "*.assets.json")
            .SelectMany(manifest => JsonNode.Parse(File.ReadAllText(manifest))!["dockerImages"]?.AsObject() ?? [])
            .Select(image => image.Value!["source"]!)
            .Select(source => new ImageAsset(
                Path.Combine(_outdir, (string)source["directory"]!),
                (string)source["dockerFile"]!,
                (string)source["dockerBuildArgs"]!["PROJECT"]!)),
    ];

    /// <summary>The actions of statements, flattened (a single action is a string, several an array).</summary>
    public static IEnumerable<string> Actions(IEnumerable<JsonObject> statements) => statements.SelectMany(statement =>
        statement["Action"] is JsonArray many ? many.Select(action => (string)action!) : [(string)statement["Action"]!]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_outdir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>An image CDK builds on deploy: its staged build context, the Dockerfile in it, and the project it publishes.</summary>
public sealed record ImageAsset(string Context, string Dockerfile, string Project);
