# What the DESeq2 fixture scripts share: the folder they write to and how they write numbers as JSON
# (17 significant digits, so the C# tests see R's doubles exactly; NA as null).
# Sourced from the repository root by make_independent_filtering.R and make_prior_variance.R.

out_dir <- file.path("tests", "Domain.Tests", "Fixtures", "deseq2")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

num <- function(x) {
  x <- as.numeric(x)
  ifelse(is.na(x), "null", trimws(formatC(x, digits = 17, format = "g")))
}
vec <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
