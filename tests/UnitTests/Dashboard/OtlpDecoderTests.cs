using Orchestration.Dashboard.Otlp;

namespace UnitTests.Dashboard;

public sealed class OtlpDecoderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ulong Nanos(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;

    [Fact]
    public void A_span_is_decoded_with_its_ids_service_timing_status_and_attributes()
    {
        var span = new ProtoWriter()
            .Bytes(1, Convert.FromHexString("0102030405060708090a0b0c0d0e0f10"))
            .Bytes(2, Convert.FromHexString("a1a2a3a4a5a6a7a8"))
            .Bytes(4, Convert.FromHexString("b1b2b3b4b5b6b7b8"))
            .String(5, "GET /carts/{cartId}")
            .Varint(6, 2)
            .Fixed64(7, Nanos(Start))
            .Fixed64(8, Nanos(Start.AddMilliseconds(12.5)))
            .Message(9, ProtoWriter.KeyValue("http.route", "/carts/{cartId}"))
            .Message(9, new ProtoWriter().String(1, "http.response.status_code").Message(2, new ProtoWriter().Varint(3, 500)))
            .Varint(99, 7) // an unknown field: skipped
            .Message(15, new ProtoWriter().String(2, "boom").Varint(3, 2));
        var request = new ProtoWriter().Message(1, new ProtoWriter()
            .Message(1, ProtoWriter.Resource("cart-api", "cart-api-1"))
            .Message(2, new ProtoWriter().Message(1, new ProtoWriter().String(1, "Microsoft.AspNetCore")).Message(2, span)));

        var decoded = Assert.Single(OtlpDecoder.DecodeTraces(request.ToArray()));

        Assert.Equal("0102030405060708090a0b0c0d0e0f10", decoded.TraceId);
        Assert.Equal("a1a2a3a4a5a6a7a8", decoded.SpanId);
        Assert.Equal("b1b2b3b4b5b6b7b8", decoded.ParentSpanId);
        Assert.Equal("Server", decoded.Kind);
        Assert.Equal(("cart-api", "cart-api-1"), (decoded.Source.Service, decoded.Source.Instance));
        Assert.Equal("Microsoft.AspNetCore", decoded.Scope);
        Assert.Equal(Start, decoded.Start);
        Assert.Equal(12.5, decoded.DurationMs, 3);
        Assert.True(decoded.IsError);
        Assert.Equal("boom", decoded.StatusMessage);
        Assert.Contains(decoded.Attributes, a => a.Key == "http.response.status_code" && a.Value == "500");
    }

    [Fact]
    public void A_log_record_takes_its_level_from_the_severity_number_and_its_trace_from_the_ids()
    {
        var record = new ProtoWriter()
            .Fixed64(1, Nanos(Start))
            .Varint(2, 17)
            .String(3, "Error")
            .Message(5, new ProtoWriter().String(1, "Payment p-1 failed"))
            .Bytes(9, Convert.FromHexString("0102030405060708090a0b0c0d0e0f10"))
            .Bytes(10, new byte[8]);
        var request = new ProtoWriter().Message(1, new ProtoWriter()
            .Message(1, ProtoWriter.Resource("payments-api", "payments-api"))
            .Message(2, new ProtoWriter().Message(1, new ProtoWriter().String(1, "Payments.Charges")).Message(2, record)));

        var log = Assert.Single(OtlpDecoder.DecodeLogs(request.ToArray()));

        Assert.Equal("Error", log.Level);
        Assert.Equal("Payment p-1 failed", log.Message);
        Assert.Equal("Payments.Charges", log.Category);
        Assert.Equal("0102030405060708090a0b0c0d0e0f10", log.TraceId);
        Assert.Null(log.SpanId); // all zeros means "no span"
        Assert.Equal(Start, log.Timestamp);
    }

    [Fact]
    public void A_cumulative_histogram_point_keeps_its_packed_buckets_and_bounds()
    {
        var point = new ProtoWriter()
            .Fixed64(2, Nanos(Start))
            .Fixed64(3, Nanos(Start.AddSeconds(5)))
            .Fixed64(4, 6)
            .Double(5, 0.42)
            .PackedFixed64(6, 1, 2, 3)
            .PackedDouble(7, 0.01, 0.1)
            .Message(9, ProtoWriter.KeyValue("http.route", "/carts"));
        var metric = new ProtoWriter().String(1, "http.server.request.duration").String(3, "s")
            .Message(9, new ProtoWriter().Message(1, point).Varint(2, 2));
        var request = new ProtoWriter().Message(1, new ProtoWriter()
            .Message(1, ProtoWriter.Resource("gateway", "gateway"))
            .Message(2, new ProtoWriter().Message(2, metric)));

        var (histograms, numbers) = OtlpDecoder.DecodeMetrics(request.ToArray());

        Assert.Empty(numbers);
        var decoded = Assert.Single(histograms);
        Assert.False(decoded.IsDelta);
        Assert.Equal(6UL, decoded.Count);
        Assert.Equal([1UL, 2UL, 3UL], decoded.BucketCounts);
        Assert.Equal([0.01, 0.1], decoded.Bounds);
        Assert.Equal("s", decoded.Unit);
        Assert.Contains("http.route=/carts", decoded.SeriesKey, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_message_is_rejected_as_invalid_data()
    {
        var truncated = new ProtoWriter().Message(1, ProtoWriter.Resource("x", "y")).ToArray()[..^3];

        Assert.Throws<InvalidDataException>(() => OtlpDecoder.DecodeTraces(truncated));
    }
}
