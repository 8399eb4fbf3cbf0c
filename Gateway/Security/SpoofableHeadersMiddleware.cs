namespace Gateway.Security;

/// <summary>Drops <see cref="SpoofableHeaders"/> from every request before anything reads or forwards it.</summary>
internal sealed partial class SpoofableHeadersMiddleware(RequestDelegate next, ILogger<SpoofableHeadersMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        List<string>? spoofed = null;
        foreach (var header in headers)
        {
            if (SpoofableHeaders.IsSpoofable(header.Key))
            {
                (spoofed ??= []).Add(header.Key);
            }
        }

        if (spoofed is not null)
        {
            foreach (var name in spoofed)
            {
                headers.Remove(name);
            }

            LogDropped(logger, string.Join(", ", spoofed));
        }

        return next(context);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Dropped identity headers a client sent: {Headers}")]
    private static partial void LogDropped(ILogger logger, string headers);
}
