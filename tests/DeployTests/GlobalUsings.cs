global using System.Text.Json.Nodes;
global using Xunit;

// The jsii runtime behind the CDK serves one caller at a time: classes synthesizing in parallel break each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
