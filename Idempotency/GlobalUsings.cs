global using Amazon.DynamoDBv2;
global using Amazon.DynamoDBv2.Model;
global using Microsoft.AspNetCore.Http;
