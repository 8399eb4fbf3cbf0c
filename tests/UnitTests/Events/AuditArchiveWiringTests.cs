using Amazon.S3;
using Events.Worker.Audit;
using Events.Worker.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace UnitTests.Events;

public sealed class AuditArchiveWiringTests
{
    private static IServiceCollection WorkerServices(string? auditBucket)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["ConnectionStrings:redis"] = "localhost:6379";
        builder.Configuration["Events:AuditBucket"] = auditBucket;
        builder.AddApplicationServices();
        return builder.Services;
    }

    [Fact]
    public void With_an_audit_bucket_the_worker_archives_to_s3_through_the_sdk()
    {
        var services = WorkerServices("cart-platform-prod-audit");

        Assert.Equal(typeof(S3AuditArchive), Assert.Single(services, d => d.ServiceType == typeof(IAuditArchive)).ImplementationType);
        Assert.Single(services, d => d.ServiceType == typeof(IAmazonS3));
    }

    [Fact]
    public void Without_one_it_archives_to_the_local_folder()
    {
        var services = WorkerServices(null);

        Assert.Equal(typeof(LocalAuditArchive), Assert.Single(services, d => d.ServiceType == typeof(IAuditArchive)).ImplementationType);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IAmazonS3));
    }
}
