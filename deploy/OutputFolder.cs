namespace Deploy;

/// <summary>Where the cloud assembly goes: <c>--output DIR</c>, else the CLI's <c>CDK_OUTDIR</c>, else <c>cdk.out</c>.</summary>
internal static class OutputFolder
{
    public static string? FromArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--output")
            {
                return args[i + 1];
            }
        }

        // null lets the App read CDK_OUTDIR when the CDK CLI runs it.
        return System.Environment.GetEnvironmentVariable("CDK_OUTDIR") is null ? "cdk.out" : null;
    }
}
