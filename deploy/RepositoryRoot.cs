namespace Deploy;

/// <summary>The repository root (the folder holding <c>Aspire.sln</c>), found upwards from the working directory or the app.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Aspire.sln not found above the working directory: run the CDK app from the repository.");

    private static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Aspire.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
