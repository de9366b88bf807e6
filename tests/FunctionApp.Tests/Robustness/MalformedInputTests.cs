using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Tests.Robustness;

/// <summary>
/// Every route the app serves, fed malformed input: no answer is a 5xx, and every 4xx is in the route's
/// contract's error shape (problem details naming the field; Fractalis' <c>{"error"}</c> or
/// <c>{"error_msg"}</c>). Refused requests leave the owner session's datasets as they were.
/// </summary>
/// <remarks>
/// DELETE requests are confined so that a request the app rightly accepts deletes nothing the tests need:
/// they run in a throwaway session, name ids that do not exist, and purge only instances with a prefix
/// that matches none.
/// </remarks>
public sealed class MalformedInputTests : IClassFixture<MalformedInputFixture>
{
    private const string ContinuationHeader = "x-ms-continuation-token";
    private const string NoInstancesPrefix = "instanceIdPrefix=no-such-instance-";
    private readonly MalformedInputFixture _fixture;

    public MalformedInputTests(MalformedInputFixture fixture)
    {
        _fixture = fixture;
    }

    private IReadOnlyList<ServedRoute> Routes => _fixture.Routes;

    [Fact]
    public void Discover_RunningApp_FindsTheNativeFractalisAndManagementRoutes()
    {
        var served = Routes.Select(r => r.ToString()).ToHashSet();

        Assert.Contains("POST /api/data", served);
        Assert.Contains("POST /api/analytics", served);
        Assert.Contains("POST /api/fractalis/data", served);
        Assert.Contains("POST /api/fractalis/analytics", served);
        Assert.Contains("GET /api/fractalis/misc/version", served);
        Assert.Contains("GET /runtime/webhooks/durabletask/instances", served);
        Assert.Contains("POST /runtime/webhooks/durabletask/instances/{instanceId}/raiseEvent/{eventName}", served);
        Assert.Equal(ErrorContract.FractalisAnalytics, Routes.Single(r => r.ToString() == "POST /api/fractalis/analytics").Contract);
        Assert.Equal(ErrorContract.FractalisData, Routes.Single(r => r.ToString() == "POST /api/fractalis/data").Contract);
    }

    [Fact]
    public async Task Post_MalformedBodies_EveryPostRouteAnswersInItsContract()
    {
        var session = MalformedInputFixture.NewSession();
        var requests = (
            from route in Routes
            where route.Method == "POST"
            from body in MalformedInputs.Bodies
            select new FuzzRequest(route, RealPath(route), body.Flaw, session, body.Body)).ToList();

        await AssertAnswersInContractAsync(requests);
    }

    [Fact]
    public async Task Post_BodiesWithOneBadField_DataAndAnalyticsRoutesAnswerInTheirContract()
    {
        var templates = BodyTemplates();
        Assert.All(templates.Keys, key => Assert.Contains(key, Routes.Select(r => r.ToString())));
        var requests = new List<FuzzRequest>();
        foreach (var (key, (session, template)) in templates)
        {
            var route = Routes.Single(r => r.ToString() == key);
            var valid = new FuzzRequest(route, RealPath(route), "the valid template", session, JsonSerializer.SerializeToUtf8Bytes(template));
            using (var message = valid.ToMessage())
            using (var response = await _fixture.App.Client.SendAsync(message))
            {
                Assert.True(response.IsSuccessStatusCode, $"{valid} answered {(int)response.StatusCode}: the template must be valid, or every mutation of it is refused for the wrong reason.");
            }

            requests.AddRange(MalformedInputs.WithEachFieldReplaced(template).Select(body => new FuzzRequest(route, RealPath(route), body.Flaw, session, body.Body)));
        }

        await AssertAnswersInContractAsync(requests);
    }

    [Fact]
    public async Task Send_BadRouteValues_EveryRouteAnswersInItsContract()
    {
        var requests = new List<FuzzRequest>();
        foreach (var route in Routes)
        {
            foreach (var parameter in route.Parameters)
            {
                foreach (var (flaw, value) in MalformedInputs.RouteValues)
                {
                    var values = route.Parameters.ToDictionary(p => p, p => p == parameter ? value : RealValue(route, p));
                    requests.Add(Confined(new FuzzRequest(route, route.Path(values), $"{parameter}: {flaw}", _fixture.OwnerSession)
                    {
                        // Kestrel refuses a NUL in the request target itself, with an empty 400, before any of the app runs.
                        RefusedBeforeTheApp = value == MalformedInputs.Nul,
                    }));
                }
            }
        }

        await AssertAnswersInContractAsync(requests);
    }

    [Fact]
    public async Task Send_BadQueryValues_EveryRouteAnswersInItsContract()
    {
        // A probe with a garbage value tells which parameters a route reads (its answer differs from the
        // answer without it); those get every bad value.
        var requests = new List<FuzzRequest>();
        var (probeFlaw, probeValue) = MalformedInputs.QueryValues[0];
        foreach (var route in Routes)
        {
            var baseline = await StatusAsync(WithQuery(route, null, null, "no query"));
            foreach (var name in MalformedInputs.QueryNames)
            {
                var probe = WithQuery(route, name, probeValue, $"{name}: {probeFlaw}");
                requests.Add(probe);
                if (await StatusAsync(probe) == baseline)
                {
                    continue;
                }

                requests.AddRange(MalformedInputs.QueryValues.Skip(1).Select(v => WithQuery(route, name, v.Value, $"{name}: {v.Flaw}")));
            }
        }

        await AssertAnswersInContractAsync(requests);
    }

    [Fact]
    public async Task Send_BadSessionIds_EveryRouteAnswersInItsContract()
    {
        string[] sessions = ["short", new string('s', 4000), "a b c d e f g h", "../../etc/passwd", "x;y=z,w", "\"quoted-session\""];
        var requests = (
            from route in Routes
            from session in sessions
            select Confined(new FuzzRequest(route, RealPath(route), $"session '{session[..Math.Min(session.Length, 20)]}'", session))).ToList();

        await AssertAnswersInContractAsync(requests);
    }

    [Fact]
    public async Task ListInstances_BadContinuationTokens_Answer400NamingTheToken()
    {
        var route = Routes.Single(r => r.ToString() == "GET /runtime/webhooks/durabletask/instances");
        foreach (var (flaw, token) in MalformedInputs.ContinuationTokens)
        {
            var request = new FuzzRequest(route, route.Path(new Dictionary<string, string>()), flaw, _fixture.OwnerSession)
            {
                Headers = new Dictionary<string, string> { [ContinuationHeader] = token },
            };
            using var message = request.ToMessage();
            using var response = await _fixture.App.Client.SendAsync(message);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{request}: {(int)response.StatusCode} {body}");
            Assert.Equal(ContinuationHeader, body.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task PostData_RefusedBodies_OwnerDatasetsUnchanged()
    {
        var before = await _fixture.OwnerDataAsync();
        var routes = Routes.Where(r => r.ToString() is "POST /api/data" or "POST /api/fractalis/data").ToList();
        var bodies = MalformedInputs.Bodies
            .Concat(MalformedInputs.WithEachFieldReplaced(DataTemplate()).Where(b => b.Flaw.EndsWith("invalid UTF-8", StringComparison.Ordinal) || b.Flaw.EndsWith("surrogate", StringComparison.Ordinal) || b.Flaw.EndsWith("surrogate escape", StringComparison.Ordinal)));
        var requests = (from route in routes from body in bodies select new FuzzRequest(route, route.Template, body.Flaw, _fixture.OwnerSession, body.Body)).ToList();

        var accepted = new List<string>();
        foreach (var request in requests)
        {
            using var message = request.ToMessage();
            using var response = await _fixture.App.Client.SendAsync(message);
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                accepted.Add($"{request}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(2, routes.Count);
        Assert.True(accepted.Count == 0, "Malformed data loads were not refused:\n" + string.Join('\n', accepted));
        Assert.Equal(before, await _fixture.OwnerDataAsync());
    }

    private static JsonObject DataTemplate() => new()
    {
        ["handler"] = "demo",
        ["server"] = "demo",
        ["auth"] = new JsonObject { ["token"] = "t" },
        ["descriptors"] = new JsonArray(new JsonObject { ["field"] = "age", ["data_type"] = "numerical", ["label"] = "Age" }),
        ["options"] = new JsonObject { ["seed"] = 42 },
    };

    /// <summary>A valid body per route that takes one, and the session it is sent in.</summary>
    private Dictionary<string, (string Session, JsonObject Template)> BodyTemplates() => new()
    {
        ["POST /api/data"] = (MalformedInputFixture.NewSession(), DataTemplate()),
        ["POST /api/fractalis/data"] = (MalformedInputFixture.NewSession(), DataTemplate()),
        ["POST /api/analytics"] = (_fixture.OwnerSession, new JsonObject
        {
            ["task_name"] = "compute-correlation",
            ["args"] = new JsonObject { ["x"] = _fixture.AgeId, ["y"] = _fixture.BmiId, ["method"] = "pearson" },
        }),
        ["POST /api/fractalis/analytics"] = (_fixture.OwnerSession, new JsonObject
        {
            ["task_name"] = "compute-correlation",
            ["args"] = new JsonObject
            {
                ["x"] = $"${_fixture.AgeId}$",
                ["y"] = $"${_fixture.BmiId}$",
                ["id_filter"] = new JsonArray(),
                ["method"] = "pearson",
                ["subsets"] = new JsonArray(),
            },
        }),
    };

    private string RealValue(ServedRoute route, string parameter) => _fixture.RealValue(route, parameter);

    private string RealPath(ServedRoute route) => route.Path(route.Parameters.ToDictionary(p => p, p => RealValue(route, p)));

    private FuzzRequest WithQuery(ServedRoute route, string? name, string? value, string flaw)
    {
        var path = RealPath(route) + (name is null ? string.Empty : $"?{name}={value}");
        return Confined(new FuzzRequest(route, path, flaw, _fixture.OwnerSession));
    }

    /// <summary>A DELETE in a throwaway session, on ids that do not exist, purging only instances that do not exist.</summary>
    private FuzzRequest Confined(FuzzRequest request)
    {
        if (request.Route.Method != "DELETE")
        {
            return request;
        }

        var path = request.Route.Parameters.Count == 0
            ? request.Path
            : request.Route.Path(request.Route.Parameters.ToDictionary(p => p, _ => "no-such-id-0"));
        if (!path.Contains("instanceIdPrefix=", StringComparison.Ordinal))
        {
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + NoInstancesPrefix;
        }

        return request with { Path = path, Session = request.Session == _fixture.OwnerSession ? MalformedInputFixture.NewSession() : request.Session };
    }

    private async Task<HttpStatusCode> StatusAsync(FuzzRequest request)
    {
        using var message = request.ToMessage();
        using var response = await _fixture.App.Client.SendAsync(message);
        return response.StatusCode;
    }

    private async Task AssertAnswersInContractAsync(List<FuzzRequest> requests)
    {
        var before = await _fixture.OwnerDataAsync();
        var failures = await FuzzRunner.SendAsync(_fixture.App.Client, requests);

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} answers broke their contract:\n" + string.Join('\n', failures.Take(60)));
        Assert.Equal(before, await _fixture.OwnerDataAsync());
    }
}
