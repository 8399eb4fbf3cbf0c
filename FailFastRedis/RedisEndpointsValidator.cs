using Microsoft.Extensions.Options;

namespace FailFastRedis;

/// <summary>Fails start-up when <c>ConnectionStrings:{connectionName}</c> named no Redis endpoint, rather than the first Redis call.</summary>
internal sealed class RedisEndpointsValidator(string connectionName) : IValidateOptions<ConfigurationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfigurationOptions options) => options.EndPoints.Count > 0
        ? ValidateOptionsResult.Success
        : ValidateOptionsResult.Fail($"Redis connection string 'ConnectionStrings:{connectionName}' is missing; set ConnectionStrings__{connectionName}=host:port.");
}
