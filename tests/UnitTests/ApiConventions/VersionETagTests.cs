using ApiConventions.Concurrency;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace UnitTests.ApiConventions;

public class VersionETagTests
{
    private static HttpRequest RequestWithIfMatch(string? ifMatch)
    {
        var context = new DefaultHttpContext();
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        return context.Request;
    }

    [Fact]
    public void The_etag_is_the_quoted_version() => Assert.Equal("\"7\"", VersionETag.Format(7));

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    [InlineData("\"7\"")]
    [InlineData("\"6\", \"7\"")]
    [InlineData("7")]
    public void If_match_allows_the_current_version(string? ifMatch) =>
        Assert.True(VersionETag.IfMatchAllows(RequestWithIfMatch(ifMatch), 7));

    [Theory]
    [InlineData("\"6\"")]
    [InlineData("W/\"7\"")]
    [InlineData("garbage")]
    public void If_match_rejects_other_versions_and_weak_tags(string ifMatch) =>
        Assert.False(VersionETag.IfMatchAllows(RequestWithIfMatch(ifMatch), 7));
}
