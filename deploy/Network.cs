using Amazon.CDK.AWS.EC2;

namespace Deploy;

/// <summary>
/// The VPC: public subnets for the ALB and the NAT gateway, private subnets for the tasks and Redis; gateway endpoints
/// for DynamoDB and S3 and interface endpoints for the AWS APIs the tasks and ECS call on their behalf (image pulls,
/// logs, SSM parameters, Secrets Manager). DynamoDB Streams, Cognito's JWKS and the collector's exports leave through the NAT.
/// </summary>
internal sealed class Network : Construct
{
    public Network(Construct scope, string id) : base(scope, id)
    {
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 1,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 22 },
            ],
            GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions>
            {
                ["DynamoDb"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB },
                ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 },
            },
        });

        foreach (var (name, service) in InterfaceEndpoints)
        {
            Vpc.AddInterfaceEndpoint(name, new InterfaceVpcEndpointOptions
            {
                Service = service,
                Subnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
                PrivateDnsEnabled = true,
            });
        }
    }

    public Vpc Vpc { get; }

    private static readonly (string Name, InterfaceVpcEndpointAwsService Service)[] InterfaceEndpoints =
    [
        ("EcrApi", InterfaceVpcEndpointAwsService.ECR),
        ("EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER),
        ("Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS),
        ("Ssm", InterfaceVpcEndpointAwsService.SSM),
        ("SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER),
    ];
}
