namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

/// <summary>Writes ∂f(x; p)/∂pⱼ for every parameter j of a <see cref="FitModel"/> into <paramref name="gradient"/>.</summary>
/// <param name="x">Abscissa.</param>
/// <param name="parameters">Parameter values p.</param>
/// <param name="gradient">Receives one partial derivative per parameter, in parameter order.</param>
internal delegate void ModelGradient(double x, double[] parameters, Span<double> gradient);
