using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>
/// Two token buckets in front of every route, chained: the client's (<see cref="ClientPartition.Client"/>), then the
/// address's. The client's comes first so a client over its own limit is refused without spending the tokens
/// of everyone behind its address. 429 problem with Retry-After.
/// </summary>
internal static class ClientRateLimitingExtensions
{
    public static void AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();

        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            if (!limits.Enabled)
            {
                return;
            }

            var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ClientPartition.IsExempt(context.Request.Path) || ClientPartition.Client(context.User, DeviceIdCookie.Read(context.Request)) is not { } client
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : TokenBucket(client, limits.Client));
            var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ClientPartition.IsExempt(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : TokenBucket(ClientPartition.Address(context.Connection.RemoteIpAddress?.ToString()), limits.Ip));
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, perAddress);
        });
        builder.Services.AddRateLimiter(_ => { });
    }

    private static RateLimitPartition<string> TokenBucket(string partition, TokenBucketSettings bucket) =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.TokenLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = bucket.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var error = new ApiError(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too Many Requests",
            $"Too many requests from this client or address; retry after {seconds} s.");
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = error.ToProblemDetails() });
    }
}
