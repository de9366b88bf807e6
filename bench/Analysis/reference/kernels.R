# Reference timings for bench/Analysis: R limma, survival and (when installed) DESeq2 on the harness' files.
# Usage: Rscript kernels.R DATA_DIR RUNS. Prints "kernel tool seconds" per kernel: the fastest of
# RUNS after one warm-up, timed around the kernel alone (loading the files is not timed).
suppressMessages({ library(limma); library(survival) })
args <- commandArgs(trailingOnly = TRUE)
directory <- args[1]
runs <- as.integer(args[2])
shapes <- strsplit(readLines(file.path(directory, "shapes.txt")), " ")
shape <- function(name) as.integer(Find(function(s) s[1] == name, shapes)[-1])
load <- function(name, n) readBin(file.path(directory, paste0(name, ".f64")), "double", n = n, size = 8, endian = "little")

best <- function(kernel) {
  kernel()
  min(sapply(seq_len(runs), function(i) system.time(kernel())[["elapsed"]]))
}

es <- shape("expression")
expression <- matrix(load("expression", es[1] * es[2]), nrow = es[1], ncol = es[2], byrow = TRUE)
groups <- factor(paste0("s", load("groups", es[2]) + 1))
design <- model.matrix(~ 0 + groups)
colnames(design) <- levels(groups)
contrasts <- makeContrasts(s2 - s1, levels = design)
limma_kernel <- function() {
  fit <- contrasts.fit(lmFit(expression, design), contrasts)
  topTable(eBayes(fit), number = Inf, sort.by = "none")
}

n <- shape("subjects")
times <- load("times", n)
events <- load("events", n)
group <- factor(load("survival_groups", n))
survival_kernel <- function() {
  curves <- survfit(Surv(times, events) ~ group, conf.type = "log-log")
  test <- survdiff(Surv(times, events) ~ group)
  list(curves, test)
}

tool <- function(package) paste0(package, "-", as.character(packageVersion(package)))
cat(sprintf("limma %s %.6f\n", tool("limma"), best(limma_kernel)))
cat(sprintf("kaplan_meier_logrank %s %.6f\n", tool("survival"), best(survival_kernel)))

if (requireNamespace("DESeq2", quietly = TRUE)) {
  suppressMessages(library(DESeq2))
  cs <- shape("counts")
  counts <- matrix(as.integer(load("counts", cs[1] * cs[2])), nrow = cs[1], ncol = cs[2], byrow = TRUE)
  condition <- DataFrame(condition = factor(paste0("s", load("count_groups", cs[2]))))
  deseq2_kernel <- function() {
    dds <- DESeqDataSetFromMatrix(counts, condition, ~ condition)
    results(DESeq(dds, quiet = TRUE))
  }
  cat(sprintf("deseq2 %s %.6f\n", tool("DESeq2"), best(deseq2_kernel)))
}
