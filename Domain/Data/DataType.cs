namespace Fractal.Domain.Data;

/// <summary>The kinds of variable Fractal loads and analyses, as Fractalis names them.</summary>
public enum DataType
{
    /// <summary>One number per id (<c>numerical</c>).</summary>
    Numerical,

    /// <summary>One category label per id (<c>categorical</c>).</summary>
    Categorical,

    /// <summary>Many numbered features per id, such as gene expression (<c>numerical_array</c>).</summary>
    NumericalArray,

    /// <summary>A time and an event flag per id (<c>time_to_event</c>): features <c>time</c> and <c>event</c>.</summary>
    TimeToEvent,
}
