using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Survival;

/// <summary>
/// The arguments of <c>survival-analysis</c>, with datasets resolved to tables: <see cref="Durations"/>
/// is either a numerical dataset (then <see cref="EventObserved"/>, numerical or categorical, flags
/// events; without it every subject had the event) or a time-to-event dataset that holds both, with no
/// <see cref="EventObserved"/>.
/// </summary>
public sealed record SurvivalArguments(DatasetTable Durations, DatasetTable? EventObserved, SurvivalEstimator Estimator, AnalysisScope Scope);
