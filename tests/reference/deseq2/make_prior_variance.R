# Regenerate (from the repository root): Rscript tests/reference/deseq2/make_prior_variance.R
#
# Reference for Fractal.Domain.Statistics.DESeq2.DispersionPriorVariance: DESeq2's prior variance of the log
# dispersions (estimateDispersionsPriorVar), written to tests/Domain.Tests/Fixtures/deseq2/prior_variance.json.
# Numbers are written with 17 significant digits; NA as null.
#
# For each case the script simulates negative-binomial counts (1,000 genes; each gene's dispersion is the trend
# 4/mu + 0.1 times a log-normal factor, so the dispersions vary about the trend as in real data), runs DESeq2's
# estimateSizeFactors and estimateDispersions with design ~condition, and records
#   residuals     log(dispGeneEst) - log(dispFit) of the genes that are not all zero with dispGeneEst >= 1e-6
#                 (the values estimateDispersionsPriorVar works on),
#   residual_df   m - p (samples minus coefficients),
#   prior_var     attr(dispersionFunction(dds), "dispPriorVar") (what DESeq2 uses in its MAP step).
# When m - p <= 3 DESeq2 fits the prior variance by Monte Carlo under set.seed(2). To measure that noise the
# script reruns the same procedure (a copy of DESeq2's code with the seed as an argument) with 20 other seeds:
#   mc_values     the prior variance for seeds 101..120, and mc_sd their standard deviation.
# Two further blocks check parts of the deterministic estimator on their own:
#   loess         DESeq2's 200 Monte Carlo KL divergences of case "2v2" (seed 2) and R's
#                 predict(loess(kl ~ grid, span = 0.2), fine grid) - the smoother DESeq2 applies;
#   kl            the Kullback-Leibler divergence of case "2v2"'s residual histogram from the exact
#                 (noise-free) histogram of log(chisq_k / k) + N(0, x), truncated to (-10, 10), at a few x,
#                 computed here with pchisq and integrate(); the small constant is the smaller of the least
#                 positive observed density and one draw of the 10,000 DESeq2 simulates.
suppressPackageStartupMessages(library(DESeq2))
stopifnot(packageVersion("DESeq2") == "1.38.3")

source(file.path("tests", "reference", "deseq2", "fixture_numbers.R"))

simulate_case <- function(n_a, n_b, sdlog, seed, n = 1000) {
  set.seed(seed)
  m <- n_a + n_b
  condition <- factor(rep(c("A", "B"), times = c(n_a, n_b)))
  base_mean <- exp(rnorm(n, log(100), 1.5))
  log_fold <- ifelse(runif(n) < 0.2, rnorm(n, 0, 1.5), 0)
  dispersion <- (4 / base_mean + 0.1) * exp(rnorm(n, 0, sdlog))
  size_factors <- exp(rnorm(m, 0, 0.2))
  mu <- outer(base_mean, size_factors) * exp(outer(log_fold, as.numeric(condition == "B")))
  counts <- matrix(rnbinom(n * m, size = 1 / dispersion, mu = mu), n, m)
  dds <- DESeqDataSetFromMatrix(counts, DataFrame(condition = condition), ~condition)
  dds <- estimateSizeFactors(dds)
  dds <- suppressMessages(estimateDispersions(dds, quiet = TRUE))
  nonzero <- !mcols(dds)$allZero
  gene_est <- mcols(dds)$dispGeneEst[nonzero]
  fitted <- mcols(dds)$dispFit[nonzero]
  above <- gene_est >= 1e-6
  design <- model.matrix(~condition)
  list(residuals = log(gene_est[above]) - log(fitted[above]),
       df = nrow(design) - ncol(design),
       prior_var = attr(dispersionFunction(dds), "dispPriorVar"))
}

# DESeq2 1.38.3's Monte Carlo branch of estimateDispersionsPriorVar, with the seed as an argument.
monte_carlo <- function(residuals, df, seed) {
  set.seed(seed)
  brks <- -20:20 / 2
  obs <- residuals[residuals > min(brks) & residuals < max(brks)]
  grid <- seq(from = 0, to = 8, length = 200)
  obs_hist <- hist(obs, breaks = brks, plot = FALSE)
  kl <- sapply(grid, function(x) {
    rand <- log(rchisq(10000, df = df)) + rnorm(10000, 0, sqrt(x)) - log(df)
    rand <- rand[rand > min(brks) & rand < max(brks)]
    rand_hist <- hist(rand, breaks = brks, plot = FALSE)
    z <- c(obs_hist$density, rand_hist$density)
    small <- min(z[z > 0])
    sum(obs_hist$density * (log(obs_hist$density + small) - log(rand_hist$density + small)))
  })
  fine <- seq(from = 0, to = 8, length = 1000)
  fitted <- predict(loess(kl ~ grid, span = 0.2), fine)
  list(value = pmax(fine[which.min(fitted)], 0.25), kl = kl, grid = grid, fine = fine, fitted = fitted)
}

# The exact truncated histogram density of log(chisq_k / k) + N(0, x) and its KL divergence (see the header).
exact_kl <- function(residuals, df, x) {
  fuzz <- 1e-7 * 0.5
  edges <- c(-10, -19:19 / 2 + fuzz, 10)
  cdf <- function(t) {
    if (x == 0) return(pchisq(df * exp(t), df))
    integrate(function(z) dnorm(z) * pchisq(df * exp(t - sqrt(x) * z), df), -Inf, Inf,
              rel.tol = 1e-12, abs.tol = 1e-15, subdivisions = 1000L)$value
  }
  g <- sapply(edges, cdf)
  kept <- g[length(g)] - g[1]
  rand <- diff(g) / kept / 0.5
  obs <- residuals[residuals > -10 & residuals < 10]
  obs <- hist(obs, breaks = -20:20 / 2, plot = FALSE)$density
  small <- min(obs[obs > 0], 1 / (0.5 * 10000 * kept))
  sum(obs * (log(obs + small) - log(rand + small)))
}

cases <- list(
  list(name = "4v4", a = 4, b = 4, sdlog = 0.8, seed = 11),
  list(name = "6v5", a = 6, b = 5, sdlog = 0.8, seed = 12),
  list(name = "2v1", a = 2, b = 1, sdlog = 1.5, seed = 13),
  list(name = "2v2", a = 2, b = 2, sdlog = 1.0, seed = 14),
  list(name = "3v2", a = 3, b = 2, sdlog = 1.0, seed = 15),
  list(name = "2v2_floor", a = 2, b = 2, sdlog = 0.4, seed = 16)
)
mc_seeds <- 101:120

case_json <- character(0)
for (case in cases) {
  sim <- simulate_case(case$a, case$b, case$sdlog, case$seed)
  mc_values <- NULL
  if (sim$df <= 3) {
    own <- monte_carlo(sim$residuals, sim$df, 2)
    stopifnot(isTRUE(all.equal(own$value, sim$prior_var, tolerance = 0)))
    mc_values <- sapply(mc_seeds, function(s) monte_carlo(sim$residuals, sim$df, s)$value)
    if (case$name == "2v2") {
      loess_block <- own
      kl_x <- c(0, 0.25, 0.5, 1, 2, 4, 8)
      kl_block <- list(x = kl_x, kl = sapply(kl_x, function(x) exact_kl(sim$residuals, sim$df, x)))
    }
  } else {
    stopifnot(isTRUE(all.equal(max(mad(sim$residuals)^2 - trigamma(sim$df / 2), 0.25), sim$prior_var)))
  }
  cat(sprintf("%s: m - p = %d, %d residuals, prior variance %.6g", case$name, sim$df, length(sim$residuals), sim$prior_var))
  if (!is.null(mc_values)) cat(sprintf(", other seeds mean %.4g sd %.3g range [%.4g, %.4g]", mean(mc_values), sd(mc_values), min(mc_values), max(mc_values)))
  cat("\n")
  fields <- c(
    sprintf("\"name\": \"%s\"", case$name),
    sprintf("\"groups\": [%d,%d]", case$a, case$b),
    sprintf("\"residual_df\": %d", sim$df),
    sprintf("\"prior_var\": %s", num(sim$prior_var)),
    sprintf("\"mc_values\": %s", if (is.null(mc_values)) "null" else vec(mc_values)),
    sprintf("\"mc_sd\": %s", if (is.null(mc_values)) "null" else num(sd(mc_values))),
    sprintf("\"residuals\": %s", vec(sim$residuals))
  )
  case_json <- c(case_json, paste0("{\n", paste(fields, collapse = ",\n"), "\n}"))
}

json <- paste0(
  "{\n\"cases\": [\n", paste(case_json, collapse = ",\n"), "\n],\n",
  "\"loess\": {\"case\": \"2v2\", \"grid\": ", vec(loess_block$grid), ",\n\"kl\": ", vec(loess_block$kl),
  ",\n\"fine\": ", vec(loess_block$fine), ",\n\"fitted\": ", vec(loess_block$fitted), "},\n",
  "\"kl\": {\"case\": \"2v2\", \"x\": ", vec(kl_block$x), ", \"kl\": ", vec(kl_block$kl), "}\n}\n")
writeLines(json, file.path(out_dir, "prior_variance.json"))
