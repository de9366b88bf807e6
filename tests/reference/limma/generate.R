# Regenerate (from the repository root): Rscript tests/reference/limma/generate.R
#
# Numbers are written with 17 significant digits; NA as null, infinities as the strings "Inf" and "-Inf".
# Writes limma reference fixtures to tests/Domain.Tests/Fixtures/limma/: for each case the input matrix
# (features x samples, null = missing), the group of each sample, and what R's limma (Debian r-bioc-limma)
# returns for lmFit on a cell-means design, contrasts.fit of every pair of groups (Fractalis' order),
# eBayes with its defaults and topTable(number = Inf, sort = "none").
suppressPackageStartupMessages(library(limma))

out_dir <- file.path("tests", "Domain.Tests", "Fixtures", "limma")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

num <- function(x) {
  x <- as.numeric(x)
  ifelse(is.finite(x), trimws(formatC(x, digits = 17, format = "g")),
    ifelse(is.na(x), "null", ifelse(x > 0, "\"Inf\"", "\"-Inf\"")))
}
vec <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
str_vec <- function(x) paste0("[", paste0("\"", x, "\"", collapse = ","), "]")
rows_json <- function(m) paste0("[", paste(apply(m, 1, vec), collapse = ",\n"), "]")

write_case <- function(name, y, groups, note, extra = character(0)) {
  k <- max(groups)
  names <- paste0("s", seq_len(k))
  design <- model.matrix(~ 0 + factor(groups, levels = seq_len(k)))
  colnames(design) <- names
  comparisons <- character(0)
  for (i in rev(seq_len(k))) for (j in seq_len(i - 1)) if (j < i) comparisons <- c(comparisons, paste0(names[i], "-", names[j]))
  comparisons <- comparisons[!is.na(comparisons)]
  fit <- lmFit(y, design)
  fit2 <- contrasts.fit(fit, makeContrasts(contrasts = comparisons, levels = design))
  fit2 <- suppressWarnings(eBayes(fit2))
  tab <- suppressMessages(topTable(fit2, number = Inf, sort.by = "none"))
  fields <- c(
    sprintf("\"name\": \"%s\"", name),
    sprintf("\"note\": \"%s\"", note),
    sprintf("\"groups\": %s", vec(groups - 1)),
    sprintf("\"group_names\": %s", str_vec(names)),
    sprintf("\"contrasts\": %s", str_vec(comparisons)),
    sprintf("\"rows\": %s", rows_json(y)),
    sprintf("\"df_prior\": %s", num(fit2$df.prior)),
    sprintf("\"s2_prior\": %s", num(fit2$s2.prior)),
    sprintf("\"var_prior\": %s", vec(fit2$var.prior)),
    sprintf("\"coefficients\": %s", rows_json(fit2$coefficients)),
    sprintf("\"t\": %s", rows_json(fit2$t)),
    sprintf("\"p_value\": %s", rows_json(fit2$p.value)),
    sprintf("\"lods\": %s", rows_json(fit2$lods)),
    sprintf("\"F\": %s", vec(fit2$F)),
    sprintf("\"F_p_value\": %s", vec(fit2$F.p.value)),
    sprintf("\"AveExpr\": %s", vec(tab$AveExpr)),
    sprintf("\"P.Value\": %s", vec(tab$P.Value)),
    sprintf("\"adj.P.Val\": %s", vec(tab$adj.P.Val))
  )
  fields <- c(fields, extra)
  if (k == 2) {
    fields <- c(fields, sprintf("\"logFC\": %s", vec(tab$logFC)), sprintf("\"table_t\": %s", vec(tab$t)), sprintf("\"B\": %s", vec(tab$B)))
  }
  writeLines(paste0("{\n", paste(fields, collapse = ",\n"), "\n}"), file.path(out_dir, paste0(name, ".json")))
}

set.seed(20261123)

# Two groups, a few differential features, ties, a constant feature and duplicated rows.
y <- matrix(rnorm(30 * 11, mean = 8), 30, 11)
y[1:4, 7:11] <- y[1:4, 7:11] + 2
y[5, ] <- 5
y[6, ] <- round(y[6, ])
y[7, ] <- y[8, ]
write_case("two_groups", y, c(rep(1, 6), rep(2, 5)), "ties, a constant feature, duplicated rows")

# Two groups with missing values: per-feature df, one feature with a group all missing, one all missing.
y <- matrix(rnorm(40 * 10, mean = 6, sd = 1.5), 40, 10)
y[1:3, 6:10] <- y[1:3, 6:10] - 3
y[cbind(sample(40, 25, replace = TRUE), sample(10, 25, replace = TRUE))] <- NA
y[9, 6:10] <- NA
y[10, ] <- NA
y[11, c(1:4, 6:9)] <- NA
write_case("two_groups_missing", y, c(rep(1, 5), rep(2, 5)), "NA per feature, a group all missing, a row all missing, df 0")

# Small groups: n = 2 per group (n < 3).
y <- matrix(rnorm(12 * 4), 12, 4)
write_case("two_groups_small", y, c(1, 1, 2, 2), "two samples per group")

# Many features with missing values, so that tmixture uses several top statistics and converts unequal df.
y <- matrix(rnorm(800 * 12, mean = 7), 800, 12) * sqrt(4 / rchisq(800, df = 4))
y[1:40, 7:12] <- y[1:40, 7:12] + rnorm(40, 2, 1)
y[cbind(sample(800, 300, replace = TRUE), sample(12, 300, replace = TRUE))] <- NA
write_case("many_features_missing", y, rep(1:2, each = 6), "800 features, 3% missing")

# Three groups, unequal sizes, missing values.
y <- matrix(rnorm(300 * 13, mean = 5), 300, 13)
y[1:10, 1:4] <- y[1:10, 1:4] + 1.5
y[11:20, 10:13] <- y[11:20, 10:13] - 2
y[cbind(sample(300, 60, replace = TRUE), sample(13, 60, replace = TRUE))] <- NA
y[21, 1:4] <- NA
write_case("three_groups", y, c(rep(1, 4), rep(2, 5), rep(3, 4)), "three groups, F statistic, missing values, a group all missing")

# Four groups, interleaved sample order.
y <- matrix(rnorm(50 * 12), 50, 12) * sqrt(3 / rchisq(50, df = 3))
y[1:5, c(4, 8, 12)] <- y[1:5, c(4, 8, 12)] + 3
write_case("four_groups", y, rep(1:4, times = 3), "four groups, samples interleaved")

# Overlapping subsets: ids p3 and p4 are in both s1 = p0..p4 and s2 = p3..p7, so limma sees their columns twice
# (Fractalis selects df[s1 + s2]). "base_rows" is the matrix of the eight ids; "rows" the ten columns limma fits.
base <- matrix(rnorm(20 * 8, mean = 3), 20, 8)
base[1:3, 6:8] <- base[1:3, 6:8] + 2
base[4, 2] <- NA
columns <- c(1:5, 4:8)
write_case("overlapping_subsets", base[, columns], c(rep(1, 5), rep(2, 5)), "ids in two subsets count in both",
  extra = c(sprintf("\"base_rows\": %s", rows_json(base)), "\"subsets\": [[0,1,2,3,4],[3,4,5,6,7]]"))
