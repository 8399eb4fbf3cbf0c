using System.Text.Json;

namespace IntegrationTests.Contract;

/// <summary>
/// The services' OpenAPI documents as a client generator reads them: committed beside the code, and complete — every
/// operation's problems with their codes, the headers it reads and answers, the credentials it accepts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiDocumentTests(PlatformFixture platform)
{
    public static TheoryData<string> Services => new() { "cart-api", "payments-api" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_served_document_is_the_committed_one(string service)
    {
        var served = CommittedOpenApiDocuments.Normalize(await ServedAsync(service));
        var path = CommittedOpenApiDocuments.PathOf(service);
        if (CommittedOpenApiDocuments.UpdateRequested)
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        Assert.True(served == committed,
            $"{service} serves a contract that differs from {path}: review the change and commit it (OPENAPI_UPDATE=1 ./eng/test.sh --filter OpenApiDocumentTests rewrites it).");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_declares_its_problems_credentials_and_retry_advice(string service)
    {
        using var document = JsonDocument.Parse(await ServedAsync(service));

        foreach (var (name, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            var problems = responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
            Assert.True(problems.Count > 0, $"{name} declares no error response");
            Assert.All(problems, problem => Assert.True(problem.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {problem.Name} is not a problem"));
            Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _), $"{name} 429 has no Retry-After");
            Assert.True(operation.GetProperty("security").GetArrayLength() > 0, $"{name} names no credentials");
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_declares_the_gateways_refusal_of_a_target_or_header_over_its_limits(string service)
    {
        using var document = JsonDocument.Parse(await ServedAsync(service));

        foreach (var (name, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "414", "431" })
            {
                Assert.True(responses.TryGetProperty(status, out var refusal), $"{name} does not declare {status}, which the gateway answers for any operation");
                Assert.Equal(["BAD_REQUEST"], ProblemCodesOf(refusal));
            }
        }
    }

    [Theory]
    [InlineData("cart-api", "GetMyCart", "GET", "/me/cart", null)]
    [InlineData("cart-api", "AttachCart", "POST", "/carts/attach", """{"cartId":"0123456789abcdef0123456789abcdef"}""")]
    [InlineData("cart-api", "MergeCart", "POST", "/carts/merge", """{"guestCartId":"0123456789abcdef0123456789abcdef"}""")]
    [InlineData("payments-api", "CreatePayment", "POST", "/payments", """{"accountId":"0123456789abcdef0123456789abcdef","amount":1,"currency":"USD","merchantId":"m"}""")]
    public async Task An_operation_whose_body_or_caller_names_nothing_answers_and_declares_a_404(string service, string operationId, string method, string path, string? body)
    {
        using var document = JsonDocument.Parse(await ServedAsync(service));
        var operation = Operations(document).Single(o => o.Name == operationId).Operation;
        using var caller = platform.CreateGatewayClient($"nobody-{Guid.NewGuid():N}");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await caller.SendAsync(request);

        await IntegrationTests.Gateway.ProblemAssertions.AssertProblemAsync(response, System.Net.HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.True(operation.GetProperty("responses").TryGetProperty("404", out var declared), $"{operationId} answers 404 but does not declare it");
        Assert.Contains("NOT_FOUND", ProblemCodesOf(declared));
    }

    [Fact]
    public async Task The_delivery_slots_listing_requires_the_day_it_refuses_to_go_without()
    {
        using var document = JsonDocument.Parse(await ServedAsync("cart-api"));
        var list = Operations(document).Single(o => o.Name == "ListDeliverySlots").Operation;
        using var caller = platform.CreateGatewayClient();

        using var withoutDay = await caller.GetAsync("/delivery-slots");

        await IntegrationTests.Gateway.ProblemAssertions.AssertProblemAsync(withoutDay, System.Net.HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED");
        var date = list.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "date");
        Assert.True(date.TryGetProperty("required", out var required) && required.GetBoolean(), "ListDeliverySlots refuses a request without date, yet declares it optional");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_problem_is_the_one_problem_type_whose_code_is_the_documents_enum(string service)
    {
        using var document = JsonDocument.Parse(await ServedAsync(service));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var codeEnum = schemas.GetProperty("ProblemCode").GetProperty("enum").EnumerateArray().Select(code => code.GetString()!).ToHashSet();

        Assert.Equal("#/components/schemas/ProblemCode", schemas.GetProperty("Problem").GetProperty("properties").GetProperty("code").GetProperty("$ref").GetString());
        foreach (var (name, operation) in Operations(document))
        {
            foreach (var problem in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                // One type for every problem, so a generated client throws one typed exception whatever the status.
                var schema = problem.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
                Assert.Equal("#/components/schemas/Problem", schema.GetProperty("$ref").GetString());
                var codes = ProblemCodesOf(problem.Value);
                Assert.True(codes.Count > 0, $"{name} {problem.Name} lists no code");
                Assert.All(codes, code => Assert.Contains(code, codeEnum));
            }
        }
    }

    [Fact]
    public async Task A_payment_requires_an_idempotency_key_and_may_be_declined_with_insufficient_funds()
    {
        using var document = JsonDocument.Parse(await ServedAsync("payments-api"));
        var pay = Operations(document).Single(o => o.Name == "CreatePayment").Operation;

        var key = pay.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        var created = pay.GetProperty("responses").GetProperty("201");
        var declined = ProblemCodesOf(pay.GetProperty("responses").GetProperty("422"));

        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.True(key.GetProperty("required").GetBoolean());
        Assert.True(created.GetProperty("headers").TryGetProperty("Location", out _));
        Assert.True(created.GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _));
        Assert.Contains("INSUFFICIENT_FUNDS", declined);
        Assert.Contains("IDEMPOTENCY_KEY_REUSED", declined);
    }

    [Theory]
    [InlineData("cart-api", "CreateCart", "201")]
    [InlineData("cart-api", "AddCartItem", "200")]
    [InlineData("cart-api", "MergeCart", "200")]
    [InlineData("cart-api", "CheckoutCart", "200")]
    [InlineData("payments-api", "CreateAccount", "201")]
    [InlineData("payments-api", "Deposit", "201")]
    [InlineData("payments-api", "CreatePayment", "201")]
    [InlineData("cart-api", "ChangeProductPrice", "200")]
    [InlineData("cart-api", "SetStock", "200")]
    [InlineData("cart-api", "SetDeliverySlot", "200")]
    public async Task A_storefront_operation_shows_an_example_of_its_request_and_its_answer(string service, string operationId, string status)
    {
        using var document = JsonDocument.Parse(await ServedAsync(service));
        var operation = Operations(document).Single(o => o.Name == operationId).Operation;

        var request = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var answer = operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("example");

        Assert.Equal(JsonValueKind.Object, request.ValueKind);
        Assert.Equal(JsonValueKind.Object, answer.ValueKind);
    }

    [Theory]
    [InlineData("ListCategories")]
    [InlineData("BrowseCategory")]
    [InlineData("GetProduct")]
    [InlineData("ListDeliverySlots")]
    [InlineData("GetStock")]
    public async Task A_catalog_slot_or_stock_read_shows_an_example_of_its_answer(string operationId)
    {
        using var document = JsonDocument.Parse(await ServedAsync("cart-api"));
        var operation = Operations(document).Single(o => o.Name == operationId).Operation;

        var answer = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");

        Assert.Equal(JsonValueKind.Object, answer.ValueKind);
    }

    [Theory]
    [InlineData("cart-api", "CheckoutCart")]
    [InlineData("payments-api", "CreatePayment")]
    public async Task A_declined_payment_shows_an_example_of_its_problem(string service, string operationId)
    {
        using var document = JsonDocument.Parse(await ServedAsync(service));
        var operation = Operations(document).Single(o => o.Name == operationId).Operation;

        var example = operation.GetProperty("responses").GetProperty("422").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");

        Assert.Equal("INSUFFICIENT_FUNDS", example.GetProperty("code").GetString());
        Assert.Equal(422, example.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_added_item_example_names_its_attributes_as_the_service_writes_them()
    {
        using var document = JsonDocument.Parse(await ServedAsync("cart-api"));
        var add = Operations(document).Single(o => o.Name == "AddCartItem").Operation;

        var request = add.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var line = add.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("items")[0];

        Assert.Equal("Navy", request.GetProperty("attrs").GetProperty("color").GetString());
        Assert.Equal(request.GetProperty("sku").GetString(), line.GetProperty("sku").GetString());
        Assert.Equal(request.GetProperty("qty").GetInt32(), line.GetProperty("qty").GetInt32());
    }

    [Fact]
    public async Task A_cart_change_honours_if_match_and_a_guest_is_known_by_the_device_cookie()
    {
        using var document = JsonDocument.Parse(await ServedAsync("cart-api"));
        var add = Operations(document).Single(o => o.Name == "AddCartItem").Operation;

        var headers = add.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString());
        var schemes = add.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(s => s.Name));

        Assert.Equal(["Idempotency-Key", "If-Match"], headers.Order(StringComparer.Ordinal));
        Assert.True(add.GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(add.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.Equal(["Bearer", "DeviceCookie"], schemes.Order(StringComparer.Ordinal));
        Assert.Equal("cookie", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("DeviceCookie").GetProperty("in").GetString());
    }

    /// <summary>The codes a problem response can carry (<c>x-problem-codes</c>).</summary>
    private static List<string> ProblemCodesOf(JsonElement response) =>
        response.TryGetProperty("x-problem-codes", out var codes) ? [.. codes.EnumerateArray().Select(code => code.GetString()!)] : [];

    private async Task<string> ServedAsync(string service)
    {
        var address = service == "cart-api" ? platform.CartApiReplicas[0] : platform.PaymentsApi;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address };
        return await http.GetStringAsync("/openapi/v1.json");
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(method => method.Value.ValueKind == JsonValueKind.Object && method.Value.TryGetProperty("responses", out _)))
            .Select(method => (method.Value.TryGetProperty("operationId", out var id) ? id.GetString()! : method.Name, method.Value));
}
