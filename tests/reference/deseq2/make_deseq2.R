# Reference fixtures for DESeq2 in the volcano plot, computed by Bioconductor's DESeq2 as Fractalis calls it.
#
# Regenerate (Debian's r-base-core, r-bioc-deseq2 and r-cran-jsonlite, from the repository root):
#     Rscript tests/reference/deseq2/make_deseq2.R
# Writes tests/Domain.Tests/Fixtures/deseq2/deseq2.json. NA is written as null.
#
# Each case simulates negative binomial counts (seeded) for two groups, s0 and s1, runs
# DESeq(DESeqDataSetFromMatrix(counts, DataFrame(condition), ~ condition)) and results(dds) with the defaults,
# and records the counts, the groups, the intermediate estimates and the results table. beta_iter is 100
# where the GLM's iterations did not converge and DESeq2 refitted the gene with optim (L-BFGS-B).

suppressMessages(library(DESeq2))
library(jsonlite)

out <- file.path("tests", "Domain.Tests", "Fixtures", "deseq2", "deseq2.json")
dir.create(dirname(out), showWarnings = FALSE, recursive = TRUE)

simulate <- function(seed, genes, n0, n1, outliers = 0, spike = FALSE) {
  set.seed(seed)
  means <- exp(runif(genes, log(2), log(5000)))
  dispersions <- 0.05 + 2 / means
  effect <- ifelse(runif(genes) < 0.2, rnorm(genes, 0, 1.5), 0)
  mu <- cbind(matrix(means, genes, n0), matrix(means * 2^effect, genes, n1))
  sf <- exp(rnorm(n0 + n1, 0, 0.3))
  counts <- matrix(rnbinom(genes * (n0 + n1), mu = t(t(mu) * sf), size = 1 / dispersions), genes)
  counts[1, ] <- 0                      # a gene with no counts
  counts[2, seq_len(n0)] <- 0           # a gene absent from the first group
  counts[3, ] <- c(1, rep(0, n0 + n1 - 1))
  # A single count: with seven or more samples a group, an outlier that replacement turns into no counts;
  # with fewer, a fit whose iterations do not converge, which DESeq2 refits with optim.
  if (spike) counts[4, ] <- c(400, rep(0, n0 + n1 - 1))
  if (outliers > 0) {
    rows <- sample(5:genes, outliers)
    cols <- sample(seq_len(n0 + n1), outliers, replace = TRUE)
    counts[cbind(rows, cols)] <- counts[cbind(rows, cols)] * 20 + 100
  }
  list(counts = counts, groups = rep(c(0, 1), c(n0, n1)))
}

run <- function(name, data) {
  counts <- data$counts
  rownames(counts) <- paste0("g", seq_len(nrow(counts)))
  condition <- factor(paste0("s", data$groups))
  dds <- DESeqDataSetFromMatrix(counts, DataFrame(condition = condition), ~ condition)
  dds <- DESeq(dds, quiet = TRUE)
  res <- results(dds)
  list(
    name = name,
    counts = unname(counts),
    groups = data$groups,
    size_factors = unname(sizeFactors(dds)),
    disp_gene_est = unname(mcols(dds)$dispGeneEst),
    disp_fit = unname(mcols(dds)$dispFit),
    disp_prior_var = attr(dispersionFunction(dds), "dispPriorVar"),
    dispersion = unname(mcols(dds)$dispersion),
    beta_iter = unname(mcols(dds)$betaIter),
    base_mean = unname(res$baseMean),
    log2_fold_change = unname(res$log2FoldChange),
    lfc_se = unname(res$lfcSE),
    stat = unname(res$stat),
    pvalue = unname(res$pvalue),
    padj = unname(res$padj)
  )
}

cases <- list(
  run("three_vs_three", simulate(1, 300, 3, 3)),
  run("four_vs_five_with_outliers", simulate(2, 500, 4, 5, outliers = 25)),
  run("seven_vs_eight_with_outliers", simulate(3, 400, 7, 8, outliers = 30, spike = TRUE)),
  run("two_vs_two", simulate(4, 300, 2, 2)),
  run("three_vs_two", simulate(5, 300, 3, 2)),
  run("three_vs_three_with_spike", simulate(6, 200, 3, 3, spike = TRUE))
)

writeLines(toJSON(cases, digits = NA, na = "null", auto_unbox = TRUE, matrix = "rowmajor"), out)
