namespace HostingIntegrations.Publishing;

/// <summary>Settings that only the published manifest carries: what differs per environment, as parameters.</summary>
public static class PublishedSettingBuilderExtensions
{
    /// <summary>
    /// In publish mode, sets <paramref name="variable"/> from the parameter <paramref name="parameterName"/> (declared
    /// on first use, shared by every resource that names it), so the deployment supplies the value per environment. In
    /// run mode nothing: the service's development default applies (logical table names, the local audit folder, …).
    /// </summary>
    public static IResourceBuilder<T> WithPublishedSetting<T>(this IResourceBuilder<T> builder, string variable, string parameterName)
        where T : IResourceWithEnvironment
    {
        var application = builder.ApplicationBuilder;
        if (!application.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        var parameter = application.Resources.OfType<ParameterResource>().SingleOrDefault(p => p.Name == parameterName)
            ?? application.AddParameter(parameterName).Resource;
        return builder.WithEnvironment(variable, parameter);
    }
}
