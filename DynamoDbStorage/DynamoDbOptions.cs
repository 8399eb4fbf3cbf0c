namespace DynamoDbStorage;

/// <summary>DynamoDB settings shared by every service (section <c>DynamoDb</c>).</summary>
public sealed class DynamoDbOptions
{
    public const string SectionName = "DynamoDb";

    /// <summary>Create the service's tables at start-up; defaults to true in Development only.</summary>
    public bool CreateTables { get; set; }

    /// <summary>Physical table name per logical name (<c>DynamoDb:Tables:carts</c>); a missing entry means the logical name.</summary>
    public Dictionary<string, string> Tables { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The least time one attempt (one HTTP call, each SDK retry is another) gets to be answered: all it gets while
    /// DynamoDB answers quickly. When recent answers were slow it gets <see cref="AttemptTimeoutFactor"/> times their
    /// 99th percentile, up to <see cref="AttemptTimeoutCap"/>.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most time one attempt gets, however slow recent answers were; the probe of an open circuit gets it all. An
    /// attempt that gets no answer is not sent again (<see cref="Resilience.NotAnsweredIsFinalRetryPolicy"/>), so a
    /// change that meets a stall gets its 503 within this, well inside the gateway's 30 s activity timeout: the client
    /// gets the service's 503, not the gateway's 504.
    /// </summary>
    public TimeSpan AttemptTimeoutCap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times the 99th percentile of recently answered calls' latency an attempt gets.</summary>
    public double AttemptTimeoutFactor { get; set; } = 3;

    /// <summary>How far back answered latencies (for the attempt timeout) and unanswered calls (for the circuit) are counted.</summary>
    public TimeSpan ObservationWindow { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Calls that must have ended within the window before their share unanswered can open the circuit.</summary>
    public int BreakMinimumCalls { get; set; } = 4;

    /// <summary>The share of the window's calls left unanswered (timed out, not connected) that opens the circuit.</summary>
    public double BreakNoAnswerShare { get; set; } = 0.5;

    /// <summary>How long calls are refused once DynamoDB has stopped answering, before one probe may try it again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most DynamoDB calls (attempts) this process has in flight at once (<see cref="Resilience.DynamoDbAdmission"/>).
    /// Binds only when DynamoDB slows down: at 10 ms a call, 64 slots carry 6,400 calls a second.
    /// </summary>
    public int MaxCallsInFlight { get; set; } = 64;

    /// <summary>The most calls waiting for a slot at once (<see cref="Resilience.DynamoDbAdmission"/>); a call beyond them is shed at once.</summary>
    public int MaxCallsQueued { get; set; } = 256;

    /// <summary>How long a waiting call waits for a slot before it is shed (503 with <c>Retry-After</c>): as long as one attempt's least timeout.</summary>
    public TimeSpan AdmissionWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The physical name of a logical table.</summary>
    public string TableName(string logicalName) =>
        Tables.TryGetValue(logicalName, out var name) && !string.IsNullOrWhiteSpace(name) ? name : logicalName;
}
