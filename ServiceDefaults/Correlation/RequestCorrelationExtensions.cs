using Microsoft.AspNetCore.Hosting;

namespace ServiceDefaults.Correlation;

/// <summary>Request ids in every service: accepted or created first in the pipeline, logged, traced, propagated, returned.</summary>
public static class RequestCorrelationExtensions
{
    /// <summary>The problem details extension carrying the request id, so an error report names it.</summary>
    public const string ProblemExtension = "requestId";

    public static TBuilder AddRequestCorrelation<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // A startup filter puts the middleware ahead of everything each Program.cs adds, without touching them.
        builder.Services.AddTransient<IStartupFilter, RequestIdStartupFilter>();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<RequestIdPropagationHandler>();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<RequestIdPropagationHandler>());

        builder.Services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                if (context.HttpContext.GetRequestId() is { } requestId)
                {
                    context.ProblemDetails.Extensions.TryAdd(ProblemExtension, requestId);
                }
            };
        });

        return builder;
    }

    private sealed class RequestIdStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<RequestIdMiddleware>();
            next(app);
        };
    }
}
