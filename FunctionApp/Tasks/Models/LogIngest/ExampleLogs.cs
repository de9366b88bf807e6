namespace Fractal.FunctionApp.Tasks.Models.LogIngest;

/// <summary>A few lines of Frontier-style access logs (seconds since the epoch, site, cache status) for the models' examples.</summary>
public static class ExampleLogs
{
    public const string Csv = """
        id,time,site,status
        r1,1700000000,CERN,hit
        r2,1700000030,CERN,miss
        r3,1700000070,BNL,hit
        r4,1700000200,CERN,hit
        r5,1700000260,BNL,hit
        r6,1700000290,BNL,miss
        """;
}
