using System.Text.RegularExpressions;

namespace DynamoDbStorage;

/// <summary>Rejects table names DynamoDB would refuse and call limits that make no sense, at start-up rather than on the first request.</summary>
internal sealed partial class DynamoDbOptionsValidator : IValidateOptions<DynamoDbOptions>
{
    public ValidateOptionsResult Validate(string? name, DynamoDbOptions options)
    {
        var failures = options.Tables
            .Where(table => !TableNamePattern().IsMatch(table.Value))
            .Select(table => $"{DynamoDbOptions.SectionName}:Tables:{table.Key} = '{table.Value}' is not a valid DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -).")
            .ToList();
        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeoutCap < options.AttemptTimeout || options.AttemptTimeoutFactor < 1)
        {
            failures.Add($"{DynamoDbOptions.SectionName}: AttemptTimeout must be positive, AttemptTimeoutCap at least AttemptTimeout, AttemptTimeoutFactor at least 1.");
        }

        if (options.ObservationWindow < TimeSpan.FromSeconds(1) || options.BreakDuration <= TimeSpan.Zero || options.BreakMinimumCalls < 1
            || options.BreakNoAnswerShare is not (> 0 and <= 1))
        {
            failures.Add($"{DynamoDbOptions.SectionName}: ObservationWindow must be at least 1 s, BreakDuration positive, BreakMinimumCalls at least 1, BreakNoAnswerShare above 0 and at most 1.");
        }

        if (options.MaxCallsInFlight < 1 || options.MaxCallsQueued < 0 || options.AdmissionWait < TimeSpan.Zero)
        {
            failures.Add($"{DynamoDbOptions.SectionName}: MaxCallsInFlight must be at least 1, MaxCallsQueued and AdmissionWait not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_.-]{3,255}\z")]
    private static partial Regex TableNamePattern();
}
