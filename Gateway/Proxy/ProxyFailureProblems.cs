namespace Gateway.Proxy;

/// <summary>
/// Gives the gateway's own 502 (no replica answered) and 504 (a replica timed out) the code
/// <c>SERVICE_UNAVAILABLE</c>: the client may retry later, nothing is wrong with its request or with us.
/// </summary>
internal static class ProxyFailureProblems
{
    public static void AddProxyFailureProblems(this IHostApplicationBuilder builder) =>
        builder.Services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                if (context.ProblemDetails.Status is StatusCodes.Status502BadGateway or StatusCodes.Status504GatewayTimeout
                    && context.ProblemDetails.Extensions.TryGetValue(ProblemExtensions.Code, out var code) && code is ErrorCodes.InternalError)
                {
                    context.ProblemDetails.Extensions[ProblemExtensions.Code] = ErrorCodes.ServiceUnavailable;
                }
            };
        });
}
