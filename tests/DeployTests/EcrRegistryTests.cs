using Deploy;

namespace DeployTests;

public class EcrRegistryTests
{
    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "cart-api", "arn:aws:ecr:eu-west-1:123456789012:repository/cart-api")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/", "cart-api", "arn:aws:ecr:eu-west-1:123456789012:repository/cart-api")]
    [InlineData("123456789012.dkr.ecr.us-east-2.amazonaws.com/shop/prod", "gateway", "arn:aws:ecr:us-east-2:123456789012:repository/shop/prod/gateway")]
    [InlineData("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/shop", "canary", "arn:aws-cn:ecr:cn-north-1:123456789012:repository/shop/canary")]
    [InlineData("123456789012.dkr.ecr.us-gov-west-1.amazonaws.com", "canary", "arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/canary")]
    public void A_private_ecr_registry_names_the_repository_of_each_service(string registry, string service, string arn) =>
        Assert.Equal(arn, EcrRegistry.Parse(registry)!.RepositoryArn(service));

    [Theory]
    [InlineData("public.ecr.aws/acme")]
    [InlineData("ghcr.io/acme")]
    [InlineData("docker.io/acme")]
    [InlineData("registry.example.com:5000/shop")]
    [InlineData("12345.dkr.ecr.eu-west-1.amazonaws.com")]
    public void Any_other_registry_is_not_ecr_and_is_pulled_without_credentials(string registry) =>
        Assert.Null(EcrRegistry.Parse(registry));
}
