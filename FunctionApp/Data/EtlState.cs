namespace Fractal.FunctionApp.Data;

/// <summary>The ETL states of a dataset, as Fractalis names them.</summary>
public static class EtlState
{
    public const string Submitted = "SUBMITTED";
    public const string Running = "RUNNING";
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";
}
