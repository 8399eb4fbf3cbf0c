using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SSM;

namespace Deploy;

/// <summary>
/// Where the services' OpenTelemetry goes in AWS: each task runs the AWS Distro for OpenTelemetry collector beside the
/// service (<c>OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317</c>). Metrics become CloudWatch metrics in
/// <see cref="MetricsNamespace"/> through embedded metric format — <c>canary.runs</c> by <c>outcome</c> and
/// <c>events.worker.shard.lag</c> by <c>service.name</c>, which the alarms read — traces go to X-Ray, logs to CloudWatch Logs.
/// </summary>
internal sealed class Telemetry : Construct
{
    public const string CollectorImage = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0";

    public Telemetry(Construct scope, string id, PlatformSettings settings) : base(scope, id)
    {
        MetricsNamespace = $"CartPlatform/{settings.EnvironmentName}";
        MetricsLogGroup = new LogGroup(this, "Metrics", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        OtelLogGroup = new LogGroup(this, "Logs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        CollectorConfig = new StringParameter(this, "CollectorConfig", new StringParameterProps
        {
            ParameterName = $"/cart-platform/{settings.EnvironmentName}/otel-collector/config",
            Description = "ADOT collector configuration of every task (AOT_CONFIG_CONTENT)",
            StringValue = CollectorYaml(MetricsNamespace, MetricsLogGroup.LogGroupName, OtelLogGroup.LogGroupName),
            Tier = ParameterTier.ADVANCED, // the YAML is longer than a standard parameter's 4 KB once tokens resolve
        });
    }

    public string MetricsNamespace { get; }

    public LogGroup MetricsLogGroup { get; }

    public LogGroup OtelLogGroup { get; }

    public StringParameter CollectorConfig { get; }

    /// <summary>What the collector needs on a task role: write its two log groups and send X-Ray segments.</summary>
    public void GrantCollector(IRole taskRole)
    {
        taskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
            Resources = [MetricsLogGroup.LogGroupArn, OtelLogGroup.LogGroupArn],
        }));
        taskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"],
            Resources = ["*"], // X-Ray's write actions take no resource
        }));
    }

    private static string CollectorYaml(string metricsNamespace, string metricsLogGroup, string logsLogGroup) => $$"""
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 0.0.0.0:4317
        processors:
          batch: {}
        exporters:
          awsemf:
            namespace: {{metricsNamespace}}
            log_group_name: {{metricsLogGroup}}
            dimension_rollup_option: NoDimensionRollup
            resource_to_telemetry_conversion:
              enabled: true
            metric_declarations:
              - dimensions: [[outcome]]
                metric_name_selectors: ["^canary\\.runs$"]
              - dimensions: [[service.name]]
                metric_name_selectors: ["^events\\.worker\\.shard\\.lag$", "^http\\.server\\.request\\.duration$"]
          awsxray: {}
          awscloudwatchlogs:
            log_group_name: {{logsLogGroup}}
            log_stream_name: otel
        service:
          pipelines:
            metrics:
              receivers: [otlp]
              processors: [batch]
              exporters: [awsemf]
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [awsxray]
            logs:
              receivers: [otlp]
              processors: [batch]
              exporters: [awscloudwatchlogs]
        """;
}
