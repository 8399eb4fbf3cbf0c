using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;

namespace Deploy;

/// <summary>
/// Alarms on the golden signals, all notifying one SNS topic (an e-mail subscription when <c>alarmEmail</c> is given):
/// ALB 5xx rate and p95 latency; per table DynamoDB throttles and system errors, and transaction conflicts on the two
/// transactional tables; Redis evictions and engine CPU per node; the worker's stream lag (the iterator age of a custom
/// consumer); canary failures (<c>canary.runs</c> with <c>outcome=failure</c>) and a canary with no run that went through
/// (<c>outcome=success</c> missing or zero).
/// </summary>
internal sealed class Alarms : Construct
{
    public Alarms(Construct scope, string id, PlatformSettings settings) : base(scope, id)
    {
        Topic = new Topic(this, "Topic", new TopicProps { DisplayName = $"Cart platform {settings.EnvironmentName} alarms" });
        if (settings.AlarmEmail is not null)
        {
            Topic.AddSubscription(new EmailSubscription(settings.AlarmEmail));
        }
    }

    public Topic Topic { get; }

    /// <summary>The operations the services call (an alarm's metric math takes at most 10 metrics, fewer than all operations).</summary>
    private static readonly Operation[] CalledOperations =
    [
        Operation.GET_ITEM, Operation.BATCH_GET_ITEM, Operation.QUERY, Operation.SCAN, Operation.PUT_ITEM,
        Operation.UPDATE_ITEM, Operation.DELETE_ITEM, Operation.BATCH_WRITE_ITEM, Operation.TRANSACT_WRITE_ITEMS,
    ];

    public void OnLoadBalancer(IApplicationLoadBalancer alb)
    {
        var errors = new MathExpression(new MathExpressionProps
        {
            Expression = "100 * (elb5xx + target5xx) / MAX([requests, 1])",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["elb5xx"] = alb.Metrics.HttpCodeElb(HttpCodeElb.ELB_5XX_COUNT, Sum()),
                ["target5xx"] = alb.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, Sum()),
                ["requests"] = alb.Metrics.RequestCount(Sum()),
            },
            Label = "5xx rate (%)",
            Period = Duration.Minutes(1),
        });
        Add("Alb5xxRate", errors, threshold: 1, "More than 1% of requests answered 5xx for 3 minutes", periods: 3);

        var p95 = alb.Metrics.TargetResponseTime(new MetricOptions { Statistic = "p95", Period = Duration.Minutes(1) });
        Add("AlbLatencyP95", p95, threshold: 0.5, "p95 latency above 500 ms for 5 minutes", periods: 5);
    }

    public void OnTable(string logicalName, TableV2 table, bool transactional)
    {
        var throttles = new MathExpression(new MathExpressionProps
        {
            Expression = "reads + writes",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["reads"] = TableMetric(table, "ReadThrottleEvents"),
                ["writes"] = TableMetric(table, "WriteThrottleEvents"),
            },
            Label = $"{logicalName} throttle events",
            Period = Duration.Minutes(1),
        });
        Add($"{logicalName}-Throttles", throttles, threshold: 1, $"{logicalName}: requests throttled", periods: 2);

        var systemErrors = table.MetricSystemErrorsForOperations(new SystemErrorsForOperationsMetricOptions
        {
            Operations = CalledOperations,
            Period = Duration.Minutes(1),
        });
        Add($"{logicalName}-SystemErrors", systemErrors, threshold: 1, $"{logicalName}: DynamoDB system errors (5xx)", periods: 2);

        if (transactional)
        {
            Add($"{logicalName}-TransactionConflicts", TableMetric(table, "TransactionConflict"), threshold: 50,
                $"{logicalName}: many transactions cancelled by conflicts (hot items)", periods: 5);
        }
    }

    public void OnRedis(IEnumerable<string> memberClusterIds)
    {
        foreach (var cluster in memberClusterIds)
        {
            Add($"{cluster}-Evictions", RedisMetric(cluster, "Evictions", "Sum"), threshold: 1, $"{cluster}: keys evicted (memory full)", periods: 3);
            Add($"{cluster}-EngineCpu", RedisMetric(cluster, "EngineCPUUtilization", "Average"), threshold: 80, $"{cluster}: engine CPU above 80%", periods: 5);
        }
    }

    public void OnStreamLag(string metricsNamespace) =>
        Add("StreamIteratorAge", new Metric(new MetricProps
        {
            Namespace = metricsNamespace,
            MetricName = "events.worker.shard.lag",
            DimensionsMap = new Dictionary<string, string> { ["service.name"] = "events-worker" },
            Statistic = "Maximum",
            Period = Duration.Minutes(1),
        }), threshold: 60, "The events worker is more than a minute behind a stream", periods: 5, missing: TreatMissingData.BREACHING);

    /// <summary>
    /// The deployed canary's failed runs. Missing data is not breaching: a canary whose runs all go through never reports
    /// the failure series (the counter has no <c>outcome=failure</c> point before its first failure).
    /// </summary>
    public void OnCanary(string metricsNamespace) =>
        Add("CanaryFailures", new Metric(new MetricProps
        {
            Namespace = metricsNamespace,
            MetricName = "canary.runs",
            DimensionsMap = new Dictionary<string, string> { ["outcome"] = "failure" },
            Statistic = "Sum",
            Period = Duration.Minutes(5),
        }), threshold: 1, "The canary failed in 2 of the last 3 runs' periods", periods: 3, datapointsToAlarm: 2);

    /// <summary>
    /// No canary run went through for three 5-minute periods. The failures alarm cannot see a canary that reports nothing
    /// (its task down, its collector — not essential to the task — gone, its exports refused): the failure series is
    /// then missing, which that alarm takes for good news. The success series is missing then too, and here that breaches.
    /// </summary>
    public void OnCanarySilence(string metricsNamespace) =>
        Add("CanaryNoSuccess", new Metric(new MetricProps
        {
            Namespace = metricsNamespace,
            MetricName = "canary.runs",
            DimensionsMap = new Dictionary<string, string> { ["outcome"] = "success" },
            Statistic = "Sum",
            Period = Duration.Minutes(5),
        }), threshold: 1, "No canary run went through for 15 minutes (failing, or not reporting at all)", periods: 3,
            missing: TreatMissingData.BREACHING, comparison: ComparisonOperator.LESS_THAN_THRESHOLD);

    private void Add(string id, IMetric metric, double threshold, string description, int periods,
        int? datapointsToAlarm = null, TreatMissingData missing = TreatMissingData.NOT_BREACHING,
        ComparisonOperator comparison = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = periods,
            DatapointsToAlarm = datapointsToAlarm ?? periods,
            TreatMissingData = missing,
            AlarmDescription = description,
        });
        alarm.AddAlarmAction(new SnsAction(Topic));
        alarm.AddOkAction(new SnsAction(Topic));
    }

    private static MetricOptions Sum() => new() { Statistic = "Sum", Period = Duration.Minutes(1) };

    private static Metric TableMetric(TableV2 table, string name) => new(new MetricProps
    {
        Namespace = "AWS/DynamoDB",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["TableName"] = table.TableName },
        Statistic = "Sum",
        Period = Duration.Minutes(1),
    });

    private static Metric RedisMetric(string cluster, string name, string statistic) => new(new MetricProps
    {
        Namespace = "AWS/ElastiCache",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["CacheClusterId"] = cluster },
        Statistic = statistic,
        Period = Duration.Minutes(1),
    });
}
