namespace Orchestration.ApplicationModel;

/// <summary>AWS DynamoDB Local (the real jar) on Java; referencing it sets the AWS SDK's standard variables.</summary>
public sealed class DynamoDBLocalResource(string name, string installDirectory, string workingDirectory)
    : ExecutableResource(name, "java", workingDirectory), IResourceWithConnectionString
{
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
}
