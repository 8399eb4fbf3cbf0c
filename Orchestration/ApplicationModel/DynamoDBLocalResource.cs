namespace Orchestration.ApplicationModel;

/// <summary>AWS DynamoDB Local (the real jar) on Java; referencing it sets the AWS SDK's standard variables.</summary>
public sealed class DynamoDBLocalResource(string name, string installDirectory, string workingDirectory)
    : ExecutableResource(name, "java", workingDirectory), IResourceWithConnectionString, IManifestResource
{
    /// <summary>For a deployment that wants DynamoDB Local; against real DynamoDB, drop it and leave the endpoint unset.</summary>
    public const string Image = "docker.io/amazon/dynamodb-local:2.6.1";

    /// <summary>DynamoDB Local accepts any region and credentials; these make the SDK's standard chain succeed.</summary>
    public const string Region = "us-east-1";

    public string InstallDirectory { get; } = installDirectory;

    public string JarPath => Path.Combine(InstallDirectory, "DynamoDBLocal.jar");

    /// <summary>Null keeps everything in memory; a folder keeps the data across runs (<c>-dbPath</c>).</summary>
    public string? DataDirectory { get; set; }

    public string GetConnectionString(EndpointResolver endpoints) => endpoints.Primary(this).ToString();

    public void ApplyReference(EnvironmentContext context)
    {
        context.Variables[$"ConnectionStrings__{Name}"] = GetConnectionString(context.Endpoints);
        context.Variables["AWS_ENDPOINT_URL_DYNAMODB"] = GetConnectionString(context.Endpoints);
        context.Variables["AWS_REGION"] = Region;
        context.Variables["AWS_ACCESS_KEY_ID"] = "local";
        context.Variables["AWS_SECRET_ACCESS_KEY"] = "local";
    }

    public void ApplyManifestReference(IDictionary<string, string> environment)
    {
        environment[$"ConnectionStrings__{Name}"] = $"{{{Name}.connectionString}}";
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = $"{{{Name}.bindings.http.url}}";
        environment["AWS_REGION"] = Region;
        environment["AWS_ACCESS_KEY_ID"] = "local";
        environment["AWS_SECRET_ACCESS_KEY"] = "local";
    }

    public System.Text.Json.Nodes.JsonObject ToManifest(ManifestContext context) => new()
    {
        ["type"] = "container.v0",
        ["connectionString"] = $"{{{Name}.bindings.http.url}}",
        ["image"] = Image,
        ["args"] = new System.Text.Json.Nodes.JsonArray("-jar", "DynamoDBLocal.jar", "-sharedDb", "-inMemory", "-disableTelemetry"),
        ["bindings"] = new System.Text.Json.Nodes.JsonObject { ["http"] = ManifestContext.Binding("http", "http", targetPort: 8000) },
    };
}
