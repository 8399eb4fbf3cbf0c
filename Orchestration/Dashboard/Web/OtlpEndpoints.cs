using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestration.Dashboard.Otlp;
using Orchestration.Dashboard.Telemetry;

namespace Orchestration.Dashboard.Web;

/// <summary>OTLP/HTTP with protobuf bodies: what the services' standard OpenTelemetry exporters post every second.</summary>
public static class OtlpEndpoints
{
    private const string Protobuf = "application/x-protobuf";

    public static void MapOtlp(this IEndpointRouteBuilder routes, TelemetryStore store)
    {
        routes.MapPost("/v1/traces", (HttpRequest request, CancellationToken ct) =>
            ReceiveAsync(request, body => store.AddSpans(OtlpDecoder.DecodeTraces(body)), ct));
        routes.MapPost("/v1/logs", (HttpRequest request, CancellationToken ct) =>
            ReceiveAsync(request, body => store.AddLogs(OtlpDecoder.DecodeLogs(body)), ct));
        routes.MapPost("/v1/metrics", (HttpRequest request, CancellationToken ct) =>
            ReceiveAsync(request, body =>
            {
                var (histograms, numbers) = OtlpDecoder.DecodeMetrics(body);
                store.AddMetrics(histograms, numbers);
            }, ct));
    }

    /// <summary>An empty Export*ServiceResponse (all fields default) is zero bytes of protobuf.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReceiveAsync(HttpRequest request, Action<byte[]> decode, CancellationToken ct)
    {
        if (request.ContentType?.StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase) != true)
        {
            return TypedResults.Problem($"Only OTLP/HTTP with {Protobuf} bodies is supported here.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var body = new MemoryStream();
        var gzip = string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
        await using (var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body)
        {
            await source.CopyToAsync(body, ct);
        }

        try
        {
            decode(body.ToArray());
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem($"The body is not a valid OTLP protobuf message: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Bytes([], Protobuf);
    }
}
