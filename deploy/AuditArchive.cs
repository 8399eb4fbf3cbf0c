using Amazon.CDK.AWS.S3;

namespace Deploy;

/// <summary>
/// The payments audit archive: versioned, object lock (governance retention), S3-managed encryption, TLS only, no public
/// access, retained with the stack. The events worker may only <c>PutObject</c> under <c>audit/</c>.
/// </summary>
internal sealed class AuditArchive : Construct
{
    public AuditArchive(Construct scope, string id) : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Versioned = true,
            ObjectLockEnabled = true,
            ObjectLockDefaultRetention = ObjectLockRetention.Governance(Duration.Days(365)),
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }

    public Bucket Bucket { get; }

    /// <summary>The object keys the worker writes (<c>audit/yyyy/MM/dd/…</c>, Events.Worker's AuditKeys).</summary>
    public string AuditObjectsArn => Bucket.ArnForObjects("audit/*");
}
