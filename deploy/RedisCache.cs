using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.SecretsManager;

namespace Deploy;

/// <summary>
/// ElastiCache Redis: a primary and a replica in two AZs with automatic failover (Multi-AZ), TLS in transit, encryption
/// at rest, and an AUTH token generated into Secrets Manager. The services get the endpoint as
/// <c>ConnectionStrings__redis</c> (<c>host:port,ssl=true</c>) and the token as the bound
/// <c>ConfigurationOptions:Password</c> of Aspire's Redis client.
/// </summary>
internal sealed class RedisCache : Construct
{
    public RedisCache(Construct scope, string id, PlatformSettings settings, IVpc vpc) : base(scope, id)
    {
        AuthToken = new Secret(this, "AuthToken", new SecretProps
        {
            Description = "AUTH token of the platform's ElastiCache Redis",
            GenerateSecretString = new SecretStringGenerator { ExcludePunctuation = true, PasswordLength = 64 },
        });

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            Description = "Redis: reachable from the services that use it",
            AllowAllOutbound = false,
        });

        var subnets = new CfnSubnetGroup(this, "Subnets", new CfnSubnetGroupProps
        {
            Description = "Private subnets of the platform's Redis",
            SubnetIds = vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS }).SubnetIds,
        });

        // Only keys with a TTL (cached carts) may be evicted; the event streams carry none, so memory pressure never
        // takes events their consumers have not read. Written out, though it is ElastiCache's default: the local
        // redis-server runs the same policy, and the worker's health turns Degraded under an allkeys-* one.
        var parameters = new CfnParameterGroup(this, "Parameters", new CfnParameterGroupProps
        {
            CacheParameterGroupFamily = "redis7",
            Description = "Evict only keys with a TTL: the event streams are never evicted",
            Properties = new Dictionary<string, string> { ["maxmemory-policy"] = "volatile-lru" },
        });

        ReplicationGroupId = $"{settings.EnvironmentName}-redis";
        Group = new CfnReplicationGroup(this, "ReplicationGroup", new CfnReplicationGroupProps
        {
            ReplicationGroupId = ReplicationGroupId,
            ReplicationGroupDescription = "Cart cache, cart invalidations and the domain event streams",
            Engine = "redis",
            EngineVersion = "7.1",
            CacheNodeType = "cache.t4g.small",
            NumCacheClusters = 2,
            AutomaticFailoverEnabled = true,
            MultiAzEnabled = true,
            TransitEncryptionEnabled = true,
            AtRestEncryptionEnabled = true,
            AuthToken = AuthToken.SecretValue.UnsafeUnwrap(), // a {{resolve:secretsmanager}} reference, not the value
            CacheSubnetGroupName = subnets.Ref,
            CacheParameterGroupName = parameters.Ref,
            SecurityGroupIds = [SecurityGroup.SecurityGroupId],
            Port = Port,
            SnapshotRetentionLimit = 1,
        });
    }

    public const int Port = 6379;

    public Secret AuthToken { get; }

    public SecurityGroup SecurityGroup { get; }

    public CfnReplicationGroup Group { get; }

    public string ReplicationGroupId { get; }

    /// <summary>The member clusters (primary and replica) whose metrics the alarms watch.</summary>
    public IEnumerable<string> MemberClusterIds => [$"{ReplicationGroupId}-001", $"{ReplicationGroupId}-002"];

    /// <summary>StackExchange.Redis connection string without the password: <c>primary:6379,ssl=true</c>.</summary>
    public string ConnectionString => Fn.Join("", [Group.AttrPrimaryEndPointAddress, ":", Group.AttrPrimaryEndPointPort, ",ssl=true"]);
}
