namespace GanEstimators;

/// <summary>The adversarial objective. Each value maps to one class in <c>Losses/</c> with its paper's optimiser defaults.</summary>
public enum GanLoss
{
    /// <summary>Goodfellow et al. 2014, saturating generator loss log(1 − D(G(z))). Adam 2e-4, β = (0.5, 0.999), 1 critic step.</summary>
    Minimax,
    /// <summary>Goodfellow et al. 2014, non-saturating generator loss −log D(G(z)). Adam 2e-4, β = (0.5, 0.999), 1 critic step.</summary>
    NonSaturating,
    /// <summary>Arjovsky et al. 2017: linear critic, weight clipping 0.01, RMSprop 5e-5, 5 critic steps.</summary>
    Wasserstein,
    /// <summary>Gulrajani et al. 2017: gradient penalty λ = 10, Adam 1e-4, β = (0.5, 0.9), 5 critic steps.</summary>
    WassersteinGradientPenalty,
    /// <summary>Mao et al. 2017 (LSGAN, a-b-c = 0-1-1). Adam 2e-4, β = (0.5, 0.999), 1 critic step.</summary>
    LeastSquares,
    /// <summary>Lim &amp; Ye 2017 / Miyato et al. 2018 hinge loss, with SN-GAN's optimiser: Adam 2e-4, β = (0, 0.9), 5 critic steps.</summary>
    Hinge,
}

/// <summary>Optimiser family used for both networks.</summary>
public enum GanOptimizer
{
    /// <summary>Adam (Kingma &amp; Ba 2015).</summary>
    Adam,
    /// <summary>RMSprop, as prescribed for weight-clipped Wasserstein GANs.</summary>
    RmsProp,
}
