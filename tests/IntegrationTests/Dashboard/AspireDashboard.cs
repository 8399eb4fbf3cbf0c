using System.Text.Json;

namespace IntegrationTests.Dashboard;

/// <summary>A row of the Resources grid: the name and state text it shows, and how far it is indented under its parent.</summary>
public sealed record ResourceRow(string Name, string State, double Indent);

/// <summary>A row of a trace's waterfall: the resource that sent the span, its name, the peer the dashboard matched it to (if any), and its nesting.</summary>
public sealed record SpanRow(string Resource, string Name, string? Peer, double Depth);

/// <summary>
/// The real Aspire dashboard in headless chromium, read as a developer reads it. Every selector the tests depend on is
/// here, so a change in the dashboard's markup is fixed in one file. The dashboard is a Blazor Server app: it renders
/// over a live connection, so every read waits for what it expects instead of assuming a page is done.
/// </summary>
public sealed class AspireDashboard(HeadlessChromium browser, Uri login)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Uri _root = new(login.GetLeftPart(UriPartial.Authority));

    /// <summary>Opens the login URL (it carries the browser token) and waits for the Resources page it redirects to.</summary>
    public async Task SignInAsync()
    {
        await browser.NavigateAsync(login);
        await UntilAsync(() => EvaluateAsync<bool>("location.pathname === '/' && !!document.querySelector('tr.resource-row')"), shown => shown, "the Resources page after login");
    }

    /// <summary>Waits until the Resources grid satisfies <paramref name="condition"/>, and returns its rows.</summary>
    public Task<IReadOnlyList<ResourceRow>> WaitForResourcesAsync(Func<IReadOnlyList<ResourceRow>, bool> condition, string what) =>
        UntilAsync(ResourceRowsAsync, condition, what);

    /// <summary>
    /// The Resources grid. Its state text is Aspire's own summary: "Running" only when the resource runs and its health
    /// checks pass ("Running (Unhealthy)" otherwise). Children sit right below their parent, indented.
    /// </summary>
    public Task<IReadOnlyList<ResourceRow>> ResourceRowsAsync() => EvaluateAsync<IReadOnlyList<ResourceRow>>("""
        [...document.querySelectorAll('tr.resource-row')].map(row => ({
            name: row.querySelector('.resource-name-text')?.textContent.trim() ?? '',
            state: row.querySelector('.state-column-cell > span')?.textContent.trim() ?? '',
            indent: parseFloat(row.querySelector('.resources-name-container')?.style.marginLeft || '0'),
        }))
        """);

    /// <summary>True when the page shows the AppHost's development-certificate warning (a notification bar).</summary>
    public Task<bool> ShowsCertificateWarningAsync() =>
        EvaluateAsync<bool>("/development certificate/i.test(document.body.innerText)");

    /// <summary>
    /// On the Traces page, filters the list by <paramref name="nameFilter"/> (the list is live and virtualized, and a
    /// busy system sends many traces), waits for the row of <paramref name="traceId"/> and opens it.
    /// </summary>
    public async Task OpenTraceAsync(string traceId, string nameFilter)
    {
        await browser.NavigateAsync(new Uri(_root, "/traces"));
        await UntilAsync(() => EvaluateAsync<bool>("location.pathname === '/traces' && !!document.querySelector('fluent-text-input[type=search]')"), shown => shown, "the Traces page");
        await FillAsync("fluent-text-input[type=search]", nameFilter);

        // The name cell's tooltip holds the full trace id; the cell itself shows only its first seven characters.
        var row = $"td[title*='Trace Id: {traceId}']";
        await UntilAsync(() => EvaluateAsync<bool>($"!!document.querySelector(\"{row}\")"), listed => listed, $"trace {traceId} in the Traces list");

        // The list keeps re-rendering while traces arrive: a click on a row that is being replaced is lost (seen once in a
        // full run: the detail never opened in 2 min). So the row is clicked again every 2 s until the detail shows.
        var polls = 0;
        await UntilAsync(
            async () =>
            {
                if (await EvaluateAsync<bool>($"location.pathname === '/traces/detail/{traceId}' && !!document.querySelector('.resource-name')"))
                {
                    return true;
                }

                if (polls++ % 10 == 0)
                {
                    await browser.EvaluateAsync($"location.pathname === '/traces' && document.querySelector(\"{row}\")?.click()");
                }

                return false;
            },
            shown => shown,
            $"the detail of trace {traceId}");
    }

    /// <summary>Waits until the open trace's waterfall satisfies <paramref name="condition"/> (spans arrive as each service exports them), and returns it.</summary>
    public Task<IReadOnlyList<SpanRow>> WaitForSpansAsync(Func<IReadOnlyList<SpanRow>, bool> condition, string what) =>
        UntilAsync(SpanRowsAsync, condition, what);

    /// <summary>
    /// The open trace's waterfall, top to bottom. A client span to a resource that sends no telemetry of its own
    /// (DynamoDB Local, redis-server) carries that resource's name as its "uninstrumented peer".
    /// </summary>
    public Task<IReadOnlyList<SpanRow>> SpanRowsAsync() => EvaluateAsync<IReadOnlyList<SpanRow>>("""
        [...document.querySelectorAll('tr[role=row]')].filter(row => row.querySelector('.resource-name')).map(row => ({
            resource: row.querySelector('.resource-name').textContent.trim(),
            name: [...(row.querySelector('.span-name-container')?.childNodes ?? [])]
                .filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.textContent).join('').trim(),
            peer: row.querySelector('.uninstrumented-peer')?.textContent.trim() ?? null,
            depth: parseFloat(row.querySelector('.main-grid-expand-container')?.style.marginLeft || '0'),
        }))
        """);

    /// <summary>Opens the Actions menu of a resource's row and returns the names of its items.</summary>
    public async Task<IReadOnlyList<string>> OpenActionsAsync(string resourceName)
    {
        await browser.EvaluateAsync($"{RowOf(resourceName)}.querySelector('fluent-button[aria-label=Actions]').click()");
        return await UntilAsync(() => EvaluateAsync<IReadOnlyList<string>>(VisibleMenuItems + ".map(item => item.textContent.trim())"), items => items.Count > 0, $"the Actions menu of {resourceName}");
    }

    /// <summary>Runs an item of the open Actions menu (a resource command, for instance).</summary>
    public Task ChooseActionAsync(string item) =>
        browser.EvaluateAsync($"{VisibleMenuItems}.find(item => item.textContent.trim() === '{item}').click()");

    /// <summary>Fills the dashboard's prompt for a command's arguments, by label, and presses its primary button.</summary>
    public async Task SubmitPromptAsync(IReadOnlyDictionary<string, string> valuesByLabel)
    {
        await UntilAsync(() => EvaluateAsync<bool>("!!document.querySelector('.interaction-input-dialog')"), shown => shown, "the command's prompt");
        foreach (var (label, value) in valuesByLabel)
        {
            var input = $"document.getElementById([...document.querySelectorAll('.interaction-input-dialog label')].find(l => l.textContent.replace('*', '').trim() === '{label}').htmlFor)";
            await SetValueAsync(input, value);
        }

        await browser.EvaluateAsync("[...document.querySelectorAll('.interaction-input-dialog fluent-button')].find(b => b.getAttribute('appearance') === 'primary').click()");
    }

    /// <summary>
    /// Waits for the dialog in which the dashboard shows a command's result, and returns the full text: its "Copy to
    /// clipboard" button holds it (the dialog's own lines may wrap or be virtualized).
    /// </summary>
    public Task<string> CommandResultAsync() =>
        UntilAsync(
            () => EvaluateAsync<string>("document.querySelector('.text-visualizer-dialog-body fluent-button[data-copybutton]')?.dataset.text ?? ''"),
            text => text.Length > 0,
            "the command's result");

    /// <summary>
    /// Captures the page once every open dialog is fully drawn: a Fluent dialog fades in the <c>&lt;dialog&gt;</c> inside
    /// its shadow root, a transition <c>document.getAnimations()</c> does not report.
    /// </summary>
    public async Task ScreenshotAsync(string path)
    {
        await UntilAsync(
            () => EvaluateAsync<bool>("[...document.querySelectorAll('fluent-dialog')].map(d => d.shadowRoot?.querySelector('dialog')).every(d => !d?.open || getComputedStyle(d).opacity === '1')"),
            settled => settled,
            "open dialogs to finish fading in");
        await browser.ScreenshotAsync(path);
    }

    private const string VisibleMenuItems = "[...document.querySelectorAll('fluent-menu-item')].filter(item => item.checkVisibility())";

    private static string RowOf(string resourceName) =>
        $"[...document.querySelectorAll('tr.resource-row')].find(row => row.querySelector('.resource-name-text')?.textContent.trim() === '{resourceName}')";

    private Task FillAsync(string selector, string value) => SetValueAsync($"document.querySelector('{selector}')", value);

    /// <summary>Sets a Fluent text input's value and raises the events its Blazor binding listens to.</summary>
    private Task SetValueAsync(string element, string value) => browser.EvaluateAsync($$"""
        (() => {
            const input = {{element}};
            input.value = {{JsonSerializer.Serialize(value)}};
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.dispatchEvent(new Event('change', { bubbles: true }));
        })()
        """);

    private async Task<T> EvaluateAsync<T>(string expression) =>
        (await browser.EvaluateAsync(expression)).Deserialize<T>(Json)!;

    /// <summary>Polls until <paramref name="condition"/> holds; on time-out, says what it waited for and what it last saw.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {Patience} for {what}; last seen: {JsonSerializer.Serialize(value, Json)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
