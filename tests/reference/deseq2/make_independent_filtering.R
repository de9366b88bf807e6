# Reference fixtures for DESeq2's independent filtering and the lowess smoother it uses.
#
# Regenerate (from the repository root; R with DESeq2 1.38 and jsonlite):
#     Rscript tests/reference/deseq2/make_independent_filtering.R
# Writes tests/Domain.Tests/Fixtures/deseq2/lowess.json and independent_filtering.json.
# Numbers are written with 17 significant digits; NA as null.
#
# lowess.json: per case the inputs x, y, f, iter and delta (null: R's default 0.01 * diff(range(x)))
# and what stats::lowess returns, x sorted ascending (ties in input order) and the fitted y.
#
# independent_filtering.json: per case the filter (baseMean), the p-values and alpha, and what
# DESeq2's pvalueAdjustment (independentFiltering = TRUE, default theta, "BH") gives: padj, the
# theta grid, the rejections per theta (numRej), lo.fit$y, filterThreshold and filterTheta.
# The "deseq" cases are results() of DESeq() on simulated negative-binomial counts; the others
# call DESeq2's internal pvalueAdjustment on a table of baseMean and pvalue directly.
suppressPackageStartupMessages({
  library(DESeq2)
  library(jsonlite)
})

source(file.path("tests", "reference", "deseq2", "fixture_numbers.R"))
scalar <- function(x) if (is.null(x)) "null" else num(x)
object <- function(fields) {
  paste0("{", paste0("\"", names(fields), "\":", unlist(fields), collapse = ","), "}")
}
write_cases <- function(cases, file) {
  text <- paste0("{\"cases\":[\n", paste(cases, collapse = ",\n"), "\n]}\n")
  writeLines(text, file.path(out_dir, file), sep = "")
}

set.seed(20240611)

# ---- lowess ----------------------------------------------------------------------------------
lowess_case <- function(name, x, y, f = 2 / 3, iter = 3L, delta = NULL) {
  fit <- if (is.null(delta)) lowess(x, y, f = f, iter = iter) else lowess(x, y, f = f, iter = iter, delta = delta)
  object(list(
    name = toJSON(unbox(name)), x = vec(x), y = vec(y), f = scalar(f), iter = scalar(iter),
    delta = scalar(delta), fitted_x = vec(fit$x), fitted_y = vec(fit$y)))
}

x1 <- runif(100, 0, 10)
x2 <- round(runif(60, 0, 10))
x3 <- sort(runif(80, -5, 5))
y3 <- 2 * x3 + rnorm(80)
y3[c(7, 30, 31, 62)] <- y3[c(7, 30, 31, 62)] + c(40, -35, 50, 60)
theta <- seq(0, 0.95, length = 50)
rej <- round(300 * (1 - exp(-8 * theta)) - 200 * pmax(theta - 0.6, 0) + rnorm(50, 0, 6))
x6 <- runif(100)
lowess_cases <- c(
  lowess_case("smooth_unsorted", x1, sin(x1) + rnorm(100, 0, 0.3)),
  lowess_case("ties_in_x", x2, x2^2 / 10 + rnorm(60)),
  lowess_case("outliers", x3, y3),
  lowess_case("n1", 3, 7),
  lowess_case("n2", c(2, 1), c(5, 9)),
  lowess_case("n3", c(1, 3, 2), c(1, 4, 2)),
  lowess_case("n5", c(5, 1, 4, 2, 3), c(2, 8, 1, 9, 3)),
  lowess_case("numrej_f_one_fifth", theta, rej, f = 1 / 5),
  lowess_case("span_just_below_integer", x6, x6 + rnorm(100, 0, 0.2), f = 0.29),
  lowess_case("no_robustness", x1, cos(x1) + rnorm(100, 0, 0.5), iter = 0L),
  lowess_case("delta_zero", x3, y3, f = 0.3, delta = 0),
  lowess_case("delta_wide", x1, sin(x1) + rnorm(100, 0, 0.3), f = 0.4, delta = 1.5),
  lowess_case("constant_y", x2, rep(4, 60)),
  lowess_case("linear_y", 1:40, 3 * (1:40) + 2),
  lowess_case("all_x_equal", rep(2, 10), rnorm(10)),
  lowess_case("f_above_one", x3[1:30], y3[1:30], f = 2.5, iter = 5L)
)
write_cases(lowess_cases, "lowess.json")

# ---- independent filtering -------------------------------------------------------------------
filtering_case <- function(name, base_mean, pvalue, padj, meta, alpha) {
  object(list(
    name = toJSON(unbox(name)), alpha = scalar(alpha), baseMean = vec(base_mean), pvalue = vec(pvalue),
    padj = vec(padj), theta = vec(meta$filterNumRej$theta), numRej = vec(meta$filterNumRej$numRej),
    lowess = vec(meta$lo.fit$y), filterThreshold = scalar(unname(meta$filterThreshold)),
    filterTheta = scalar(meta$filterTheta)))
}

from_deseq <- function(name, dds, alpha) {
  res <- results(dds, alpha = alpha)
  filtering_case(name, res$baseMean, res$pvalue, res$padj, metadata(res), alpha)
}

direct <- function(name, base_mean, pvalue, alpha = 0.1) {
  res <- DataFrame(baseMean = base_mean, pvalue = pvalue)
  mcols(res) <- DataFrame(type = c("intermediate", "results"), description = c("", ""))
  res <- DESeq2:::pvalueAdjustment(res, independentFiltering = TRUE, alpha = alpha, pAdjustMethod = "BH")
  filtering_case(name, base_mean, pvalue, res$padj, metadata(res), alpha)
}

# 500 genes, 4 vs 4, many barely expressed; a quarter of those with a mean above 30 change, 15 never
# expressed. Seeded on its own so the other cases can change without changing this one.
set.seed(20240611)
genes <- 500
mu <- exp(rnorm(genes, log(20), 2))
lfc <- ifelse(mu > 30 & runif(genes) < 0.25, sample(c(-1, 1), genes, TRUE) * runif(genes, 0.8, 2.5), 0)
size <- 1 / (0.05 + 2 / mu)
group <- factor(rep(c("a", "b"), each = 4))
counts <- t(sapply(seq_len(genes), function(g) {
  m <- mu[g] * ifelse(group == "b", 2^lfc[g], 1)
  rnbinom(8, mu = m, size = size[g])
}))
counts[sample(which(lfc == 0), 15), ] <- 0L
rownames(counts) <- paste0("g", seq_len(genes))
dds <- suppressMessages(DESeqDataSetFromMatrix(counts, DataFrame(group = group), ~group))
dds <- suppressMessages(DESeq(dds, quiet = TRUE))

# Null p-values: at most ten rejections anywhere, so the first theta is kept.
null_mean <- exp(rnorm(300, 3, 2))
null_p <- runif(300)
null_p[order(null_mean, decreasing = TRUE)[1:3]] <- c(1e-6, 2e-5, 3e-4)

# Missing p-values scattered, and ties in the filter (counts-like integers).
tie_mean <- round(exp(rnorm(400, 2, 1.5)))
tie_p <- ifelse(runif(400) < 0.2, rbeta(400, 0.2, 8), runif(400))
tie_p[tie_p < 1e-300] <- 1e-300
tie_p[tie_mean > 3 & tie_mean < 6] <- runif(sum(tie_mean > 3 & tie_mean < 6), 0, 0.02)
tie_p[sample(400, 40)] <- NA

# At least 95 % of the filter zero: theta runs from that share to 1.
zero_mean <- c(rep(0, 970), exp(rnorm(30, 4, 1)))
zero_p <- c(rep(NA, 970), c(runif(15, 0, 1e-4), runif(15)))

# Strong signal in low-mean rows: filtering removes discoveries, the lowess threshold decides.
low_mean <- exp(rnorm(600, 3, 2))
low_p <- runif(600)
low_rank <- rank(low_mean)
low_p[low_rank <= 150] <- rbeta(150, 0.3, 20)
low_p[low_rank > 450] <- ifelse(runif(150) < 0.5, rbeta(150, 0.3, 20), runif(150))

# Signal only in high-mean rows, noise below: filtering gains discoveries, a later theta is chosen.
gain_mean <- exp(rnorm(1000, 3, 2))
gain_p <- runif(1000)
gain_high <- rank(gain_mean) > 500
gain_p[gain_high] <- ifelse(runif(500) < 0.3, rbeta(500, 0.3, 40), runif(500))

filtering_cases <- c(
  from_deseq("deseq_alpha_0.1", dds, 0.1),
  from_deseq("deseq_alpha_0.05", dds, 0.05),
  direct("null_at_most_ten_rejections", null_mean, null_p),
  direct("missing_p_and_tied_filter", tie_mean, tie_p),
  direct("mostly_zero_filter", zero_mean, zero_p),
  direct("signal_in_low_means", low_mean, low_p, alpha = 0.05),
  direct("filtering_gains", gain_mean, gain_p)
)
write_cases(filtering_cases, "independent_filtering.json")
