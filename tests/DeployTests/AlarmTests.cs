namespace DeployTests;

public class AlarmTests(SynthesizedStack stack) : IClassFixture<SynthesizedStack>
{
    /// <summary>The metric names an alarm reads, directly or inside its metric math.</summary>
    private IEnumerable<(string Metric, JsonObject Alarm)> AlarmMetrics() => stack.Resources("AWS::CloudWatch::Alarm")
        .SelectMany(alarm =>
        {
            var direct = (string?)alarm.Properties["MetricName"] is { } name ? [name] : Array.Empty<string>();
            var math = (alarm.Properties["Metrics"]?.AsArray() ?? [])
                .Select(query => (string?)query!["MetricStat"]?["Metric"]?["MetricName"])
                .OfType<string>();
            return direct.Concat(math).Select(metric => (metric, alarm.Properties));
        });

    /// <summary>The alarms on the canary's runs (failures, and runs that went through).</summary>
    private IEnumerable<JsonObject> CanaryAlarms() => AlarmMetrics().Where(m => m.Metric == "canary.runs").Select(m => m.Alarm);

    [Theory]
    [InlineData("HTTPCode_ELB_5XX_Count")]       // 5xx rate
    [InlineData("HTTPCode_Target_5XX_Count")]
    [InlineData("TargetResponseTime")]           // p95 latency
    [InlineData("ReadThrottleEvents")]           // DynamoDB throttles
    [InlineData("WriteThrottleEvents")]
    [InlineData("SystemErrors")]                 // DynamoDB system errors
    [InlineData("TransactionConflict")]
    [InlineData("Evictions")]                    // Redis
    [InlineData("EngineCPUUtilization")]
    [InlineData("events.worker.shard.lag")]      // stream iterator age
    [InlineData("canary.runs")]                  // canary failures
    public void A_golden_signal_has_an_alarm_that_notifies_the_topic(string metric)
    {
        var topic = Assert.Single(stack.Resources("AWS::SNS::Topic")).Id;
        var alarms = AlarmMetrics().Where(m => m.Metric == metric).Select(m => m.Alarm).ToList();

        Assert.NotEmpty(alarms);
        Assert.All(alarms, alarm => Assert.Contains(topic, alarm["AlarmActions"]!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void The_latency_alarm_watches_the_95th_percentile()
    {
        var latency = AlarmMetrics().Single(m => m.Metric == "TargetResponseTime").Alarm;
        Assert.Equal("p95", (string?)latency["ExtendedStatistic"]);
    }

    [Fact]
    public void The_canary_alarm_counts_failed_runs_only()
    {
        var canary = CanaryAlarms().Single(alarm => (string?)alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold");
        Assert.Equal("""[{"Name":"outcome","Value":"failure"}]""", canary["Dimensions"]!.ToJsonString());
    }

    [Fact]
    public void A_canary_that_reports_no_run_that_went_through_raises_an_alarm()
    {
        // A dead canary or collector reports no failure either: missing data must breach, on the success series.
        var silence = CanaryAlarms().Single(alarm => (string?)alarm["ComparisonOperator"] == "LessThanThreshold");

        Assert.Equal("""[{"Name":"outcome","Value":"success"}]""", silence["Dimensions"]!.ToJsonString());
        Assert.Equal("breaching", (string?)silence["TreatMissingData"]);
        Assert.Equal(1, (double?)silence["Threshold"]);
        Assert.Contains(Assert.Single(stack.Resources("AWS::SNS::Topic")).Id, silence["AlarmActions"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_canary_alarm_reads_what_the_deployed_canary_exports()
    {
        // The canary's meter (Canary) counts canary.runs by outcome; its task's collector writes that metric, by outcome,
        // into the namespace its configuration names, and the alarm must read it there.
        var canaryNamespaces = CanaryAlarms().Select(alarm => (string?)alarm["Namespace"]).Distinct();
        var containers = stack.TaskDefinition("canary")["ContainerDefinitions"]!.AsArray();
        var environment = containers[0]!["Environment"]!.AsArray()
            .ToDictionary(variable => (string)variable!["Name"]!, variable => (string?)variable!["Value"]);
        var collectorConfig = stack.Resources("AWS::SSM::Parameter")
            .Single(p => (string?)p.Properties["Name"] == "/cart-platform/test/otel-collector/config").Properties["Value"]!.ToJsonString();

        Assert.Equal("canary", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("http://localhost:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Contains(containers, container => (string?)container!["Name"] == "otel-collector");
        Assert.Contains($"namespace: {Assert.Single(canaryNamespaces)}\\n", collectorConfig, StringComparison.Ordinal);
        Assert.Contains("- dimensions: [[outcome]]\\n", collectorConfig, StringComparison.Ordinal);
        Assert.Contains("canary\\\\\\\\.runs", collectorConfig, StringComparison.Ordinal);
    }
}
