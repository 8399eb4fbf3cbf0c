global using Amazon.DynamoDBv2;
global using Amazon.DynamoDBv2.Model;
global using DynamoDbStorage.Resilience;
global using Microsoft.AspNetCore.Http;
