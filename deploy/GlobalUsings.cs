global using Amazon.CDK;
global using Constructs;
global using DynamoDbStorage.Tables;
