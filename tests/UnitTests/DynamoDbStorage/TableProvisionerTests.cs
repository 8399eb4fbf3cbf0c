using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using DynamoDbStorage.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace UnitTests.DynamoDbStorage;

public class TableProvisionerTests
{
    [Fact]
    public async Task Provisioning_outlives_a_DynamoDB_that_does_not_answer_at_first_instead_of_stopping_the_service()
    {
        var dynamoDb = new AnswersAfterSilence(silentCalls: 2);
        using var client = new GuardedDynamoDbClient( // the services' client: an attempt given up on is not sent again by the SDK
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = "http://dynamodb.local", AuthenticationRegion = "us-east-1", HttpClientFactory = new Factory(dynamoDb) });
        using var provisioner = new TableProvisioner(
            client,
            [new TableDefinition("carts", "pk", "sk") { StreamViewType = null }],
            Options.Create(new DynamoDbOptions { CreateTables = true }),
            TimeProvider.System,
            NullLogger<TableProvisioner>.Instance);

        await provisioner.StartAsync(CancellationToken.None);
        await provisioner.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(provisioner.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(["CreateTable", "CreateTable", "CreateTable", "DescribeTable"], dynamoDb.Operations);
    }

    /// <summary>The guard's verdict on the first calls (no answer in time), then DynamoDB's answers: the table is ACTIVE.</summary>
    private sealed class AnswersAfterSilence(int silentCalls) : HttpMessageHandler
    {
        public List<string> Operations { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = request.Headers.GetValues("X-Amz-Target").Single().Split('.')[1];
            Operations.Add(operation);
            if (Operations.Count <= silentCalls)
            {
                throw DynamoDbNotAnsweringException.TimedOut(TimeSpan.FromSeconds(5));
            }

            var body = operation == "CreateTable" ? """{"TableDescription":{"TableStatus":"ACTIVE"}}""" : """{"Table":{"TableStatus":"ACTIVE"}}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0") });
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }
}
