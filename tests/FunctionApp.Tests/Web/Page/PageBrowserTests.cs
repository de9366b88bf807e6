using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Fractal.FunctionApp.Tests.Web.Page;

/// <summary>
/// The Fractal page in Chromium against the app on Azurite: asking for the key, loading the demo data, running a
/// correlation and seeing its chart, the instance's history timeline, terminating a running instance, and the API's
/// errors shown where they belong. Each step is saved as a screenshot at 1280×800 and 390×844; a console error fails
/// the test.
/// </summary>
public sealed class PageBrowserTests : IClassFixture<PageFixture>
{
    private const string Refused401 = "status of 401";
    private readonly PageFixture _fixture;
    private readonly ITestOutputHelper _output;

    static PageBrowserTests()
    {
        SetDefaultExpectTimeout(90_000);
    }

    public PageBrowserTests(PageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task DemoCorrelation_FromThePage_ShowsDataChartNumbersAndTimeline()
    {
        await using var session = await PageSession.OpenAsync(_fixture, _output, nameof(DemoCorrelation_FromThePage_ShowsDataChartNumbersAndTimeline));
        var page = session.Page;
        await session.EnterKeyAsync(AppHost.Key);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Instances" })).ToBeVisibleAsync();

        await LoadDemoAsync(page);
        await session.ScreenshotAsync("demo-loaded");

        await page.GetByRole(AriaRole.Link, new() { Name = "age", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Rows 1–20 of 500")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next rows" }).ClickAsync();
        await Expect(page.GetByText("Rows 21–40 of 500")).ToBeVisibleAsync();
        await session.ScreenshotAsync("dataset-preview");

        await page.GetByRole(AriaRole.Link, new() { Name = "Submit" }).ClickAsync();
        await Control(page, "Analysis").SelectOptionAsync("compute-correlation");
        await Control(page, "x").SelectOptionAsync(new SelectOptionValue { Label = "age (numerical)" });
        await Control(page, "y").SelectOptionAsync(new SelectOptionValue { Label = "bmi (numerical)" });
        await session.ScreenshotAsync("correlation-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();

        var chart = page.Locator("figure.chart img");
        await Expect(chart.First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "compute-correlation Completed" })).ToBeVisibleAsync();
        var drawn = await chart.First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100");
        await Expect(page.Locator("table.key-values").First).ToContainTextAsync("coef");
        await session.ScreenshotAsync("correlation-result");

        await page.GetByRole(AriaRole.Link, new() { Name = "Instance and history" }).ClickAsync();
        await Expect(page.Locator(".timeline-row").First).ToBeVisibleAsync();
        var bars = await page.Locator(".timeline-row[data-kind=activity][data-outcome=completed]").CountAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Purge" })).ToBeEnabledAsync();
        await session.ScreenshotAsync("instance-timeline");

        var analysisId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await page.GetByRole(AriaRole.Link, new() { Name = "All instances" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = analysisId })).ToBeVisibleAsync();
        await session.ScreenshotAsync("instances");
        await page.GetByLabel("Name starts with").FillAsync("etl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = analysisId })).ToHaveCountAsync(0);
        var names = await page.Locator("table.instances tbody tr td:first-child").AllTextContentsAsync();
        await session.ScreenshotAsync("instances-filtered");

        Assert.True(drawn, "The correlation chart's SVG did not load into its image.");
        Assert.True(bars >= 1, $"The timeline shows {bars} completed activities.");
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Equal("EtlOrchestrator", name));
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ModelTask_StartedFromItsForm_ShowsPartitionsUntilCompleted()
    {
        await using var session = await PageSession.OpenAsync(_fixture, _output, nameof(ModelTask_StartedFromItsForm_ShowsPartitionsUntilCompleted), "#/submit");
        var page = session.Page;
        await session.EnterKeyAsync(AppHost.Key);
        await Control(page, "Model").SelectOptionAsync("frontier-aggregation");
        await Expect(Control(page, "partitions", AriaRole.Spinbutton)).ToHaveValueAsync("4");
        await session.ScreenshotAsync("task-form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        await Expect(page.Locator(".task-progress progress")).ToBeVisibleAsync();
        await session.ScreenshotAsync("task-running");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "frontier-aggregation Completed" })).ToBeVisibleAsync();
        await Expect(page.Locator(".task-progress")).ToContainTextAsync("4 / 4");
        await session.ScreenshotAsync("task-completed");
        await page.GetByRole(AriaRole.Link, new() { Name = "Instance and history" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TaskOrchestrator Completed" })).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline-row").First).ToBeVisibleAsync();
        var partitions = await page.Locator(".timeline-row[data-kind=activity][data-outcome=completed]").CountAsync();
        await session.ScreenshotAsync("task-timeline");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Expect(page.Locator("table .badge-completed")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("task-list");
        Assert.True(partitions >= 4, $"The task's timeline shows {partitions} completed activities for its 4 partitions.");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task WrongKey_ShowsWhyAndAsksAgain_ThenTheRightKeyOpensThePage()
    {
        await using var session = await PageSession.OpenAsync(_fixture, _output, nameof(WrongKey_ShowsWhyAndAsksAgain_ThenTheRightKeyOpensThePage));
        var page = session.Page;

        await session.EnterKeyAsync("not-the-key");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("refused (401 Unauthorized)");
        await Expect(page.GetByLabel("Key", new() { Exact = true })).ToBeFocusedAsync();
        var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('fractal.key')");
        await session.ScreenshotAsync("wrong-key");

        await session.EnterKeyAsync(AppHost.Key);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Instances" })).ToBeVisibleAsync();

        Assert.Null(stored);
        session.AssertNoConsoleErrors(e => e.Contains(Refused401, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadWithABadDescriptor_ShowsTheProblemBesideTheDescriptors()
    {
        await using var session = await PageSession.OpenAsync(_fixture, _output, nameof(LoadWithABadDescriptor_ShowsTheProblemBesideTheDescriptors), "#/submit");
        var page = session.Page;
        await session.EnterKeyAsync(AppHost.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fill in the demo cohort" }).ClickAsync();
        await page.GetByLabel("Descriptors (JSON array)").FillAsync("""[{"field": "age", "data_type": "nonsense"}]""");

        await page.GetByRole(AriaRole.Button, new() { Name = "Load" }).ClickAsync();

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Load data" });
        var error = form.Locator("[data-field=descriptors] .field-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("Bad Request");
        await Expect(error).ToContainTextAsync("descriptors[0].data_type");
        await Expect(page.GetByLabel("Descriptors (JSON array)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Locator("[data-field=handler] .field-error")).ToBeHiddenAsync();
        await session.ScreenshotAsync("descriptor-error");
        session.AssertNoConsoleErrors(e => e.Contains("status of 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SqlThatWrites_ShowsTheProblemBesideTheQuery()
    {
        await using var session = await PageSession.OpenAsync(_fixture, _output, nameof(SqlThatWrites_ShowsTheProblemBesideTheQuery), "#/submit");
        var page = session.Page;
        await session.EnterKeyAsync(AppHost.Key);
        var genes = await LoadGenesAsync(page);
        await page.ReloadAsync();
        await Control(page, "Analysis").SelectOptionAsync("sql");
        await Control(page, "query", AriaRole.Textbox).FillAsync("DELETE FROM genes");
        await Control(page, "tables", AriaRole.Textbox).FillAsync(JsonSerializer.Serialize(new { genes }));

        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Run an analysis" });
        var error = form.Locator("[data-field=query] .field-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("Bad Request");
        await Expect(Control(page, "query", AriaRole.Textbox)).ToBeFocusedAsync();
        await Expect(form.Locator("[data-field=tables] .field-error")).ToBeHiddenAsync();
        await Expect(form.Locator(".form-error")).ToBeHiddenAsync();
        await session.ScreenshotAsync("sql-error");
        session.AssertNoConsoleErrors(e => e.Contains("status of 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunningInstance_SuspendedResumedAndTerminatedFromItsPage_EndsTerminated()
    {
        await using var session = await PageSession.OpenAsync(_fixture, _output, nameof(RunningInstance_SuspendedResumedAndTerminatedFromItsPage_EndsTerminated), "#/submit");
        var page = session.Page;
        await session.EnterKeyAsync(AppHost.Key);
        var genes = await LoadGenesAsync(page);
        await page.ReloadAsync();
        await Control(page, "Analysis").SelectOptionAsync("sql");
        await Control(page, "query", AriaRole.Textbox).FillAsync("SELECT count(*) FROM genes a, genes b WHERE a.value + b.value < -1e9");
        await Control(page, "tables", AriaRole.Textbox).FillAsync(JsonSerializer.Serialize(new { genes }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "sql Running" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Instance and history" }).ClickAsync();
        await Expect(page.Locator(".timeline-row[data-outcome=running]").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("running-instance");
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AnalysisOrchestrator Suspended" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Purge" })).ToBeDisabledAsync();
        await session.ScreenshotAsync("suspended-instance");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AnalysisOrchestrator Running" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Terminate" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AnalysisOrchestrator Terminated" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Terminate" })).ToBeDisabledAsync();
        await Expect(page.Locator(".timeline-row[data-outcome=unfinished]")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("terminated-instance");
        var status = await SessionCalls.GetAsync(_fixture.App.Client, "unused-session", $"/api/instances/{id}");
        Assert.Equal("Terminated", status.GetProperty("status").GetString());
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task EveryView_AtPhoneWidth_LabelsEachControlFitsTheWidthAndTabsToTheSubmitButtons()
    {
        await using var session = await PageSession.OpenAsync(_fixture, _output, nameof(EveryView_AtPhoneWidth_LabelsEachControlFitsTheWidthAndTabsToTheSubmitButtons));
        var page = session.Page;
        await page.SetViewportSizeAsync(PageSession.Phone.Width, PageSession.Phone.Height);
        await session.EnterKeyAsync(AppHost.Key);
        var problems = new List<string>();
        foreach (var (hash, ready) in new[] { ("#/instances", "Instances"), ("#/submit", "Load data"), ("#/data", "Data"), ("#/tasks", "Tasks") })
        {
            await page.EvaluateAsync("h => { location.hash = h; }", hash);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ready, Exact = true })).ToBeVisibleAsync();
            var unlabelled = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('main input, main select, main textarea')].filter(c => c.labels.length === 0).map(c => c.name)");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            problems.AddRange(unlabelled.Select(name => $"{hash}: control '{name}' has no label"));
            if (overflow > 0)
            {
                problems.Add($"{hash}: the page is {overflow}px wider than the phone's screen");
            }
        }

        await page.EvaluateAsync("() => { location.hash = '#/submit'; }");
        var load = page.GetByRole(AriaRole.Button, new() { Name = "Load", Exact = true });
        await Expect(load).ToBeVisibleAsync();
        var reached = false;
        for (var i = 0; i < 60 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await load.EvaluateAsync<bool>("b => document.activeElement === b");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(reached, "Tab never reached the Load button.");
        session.AssertNoConsoleErrors();
    }

    /// <summary>The control whose label is exactly <paramref name="label"/> (a required field's star is not part of its name).</summary>
    private static ILocator Control(IPage page, string label, AriaRole role = AriaRole.Combobox) =>
        page.GetByRole(role, new() { Name = label, Exact = true });

    /// <summary>Loads the demo cohort from the Submit form and waits until the Data view lists every dataset loaded.</summary>
    private static async Task LoadDemoAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fill in the demo cohort" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Load", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Data" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.datasets .badge-success")).ToHaveCountAsync(6);
    }

    /// <summary>Loads the demo's genes into the page's session through the API and waits until they are loaded; answers their id.</summary>
    private async Task<string> LoadGenesAsync(IPage page)
    {
        var pageSession = await page.EvaluateAsync<string>("() => localStorage.getItem('fractal.session')");
        var accepted = await SessionCalls.PostAcceptedAsync(_fixture.App.Client, pageSession, "/api/data", new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "none" },
            descriptors = new object[] { new { field_prefix = "g_", data_type = "numerical_array", label = "genes" } },
        });
        await SessionCalls.WaitCompletedAsync(_fixture.App.Client, accepted);
        return accepted.GetProperty("data_ids")[0].GetString()!;
    }
}
