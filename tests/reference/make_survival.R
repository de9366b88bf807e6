# Reference fixtures for survival-analysis, computed by R's survival package.
#
# Regenerate (Debian's r-base-core, r-cran-survival and r-cran-jsonlite, from the repository root):
#     Rscript tests/reference/make_survival.R
# Writes tests/Domain.Tests/Fixtures/survival.json. NA is written as null.
#
# Per group: survfit(Surv(time, event) ~ 1, conf.type = "log-log") gives the Kaplan-Meier curve and
# its Greenwood/log(-log) band; survfit(..., ctype = 1) gives the Nelson-Aalen cumhaz and std.chaz,
# whose band is H * exp(+-z * std.chaz / H) with z = qnorm(0.975) (0 where H is 0). Across groups:
# survdiff(Surv(time, event) ~ group) gives the log-rank chi2, df and p-value.

library(survival)
library(jsonlite)

out <- file.path("tests", "Domain.Tests", "Fixtures", "survival.json")
z <- qnorm(0.975)

# Inputs keep every bit: jsonlite prints at most 15 significant digits.
exact <- function(x) structure(paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]"), class = "json")

curve <- function(time, event) {
  km <- survfit(Surv(time, event) ~ 1, conf.type = "log-log")
  na <- survfit(Surv(time, event) ~ 1, ctype = 1)
  h <- na$cumhaz
  s <- na$std.chaz
  list(
    time = exact(time), event = event,
    timeline = km$time,
    at_risk = km$n.risk,
    events = km$n.event,
    km_estimate = km$surv,
    km_lower = km$lower,
    km_upper = km$upper,
    na_estimate = h,
    na_lower = ifelse(h == 0, 0, h * exp(-z * s / h)),
    na_upper = ifelse(h == 0, 0, h * exp(z * s / h)),
    median = unbox(unname(summary(km)$table["median"]))
  )
}

logrank <- function(groups) {
  time <- unlist(lapply(groups, function(g) g$time))
  event <- unlist(lapply(groups, function(g) g$event))
  label <- unlist(lapply(seq_along(groups), function(i) rep(i, length(groups[[i]]$time))))
  if (length(groups) < 2) {
    return(list(chi2 = unbox(NA), df = unbox(NA), p_value = unbox(NA)))
  }
  d <- survdiff(Surv(time, event) ~ label)
  df <- sum(d$exp > 0) - 1
  list(chi2 = unbox(d$chisq), df = unbox(df), p_value = unbox(pchisq(d$chisq, df, lower.tail = FALSE)))
}

set.seed(20261123)
make_group <- function(n, rate, censor_rate, tied = FALSE) {
  t <- rexp(n, rate)
  c <- rexp(n, censor_rate)
  time <- pmin(t, c)
  if (tied) time <- round(time) + 0.5
  list(time = time, event = as.integer(t <= c))
}

cases <- list(
  list(name = "textbook_ties", groups = list(
    list(time = c(1, 2, 2, 3, 4, 4, 5, 6, 6, 8), event = c(1, 1, 0, 1, 0, 1, 1, 1, 1, 0)),
    list(time = c(2, 3, 3, 5, 7, 9, 9, 10), event = c(1, 0, 1, 1, 1, 0, 1, 0)))),
  list(name = "three_groups_rounded_ties", groups = list(
    make_group(40, 0.10, 0.05, TRUE), make_group(35, 0.15, 0.05, TRUE), make_group(30, 0.30, 0.05, TRUE))),
  list(name = "two_groups_continuous", groups = list(make_group(60, 0.2, 0.1), make_group(55, 0.1, 0.1))),
  list(name = "censored_first_and_last", groups = list(
    list(time = c(0.5, 1, 2, 3, 4), event = c(0, 1, 1, 0, 0)),
    list(time = c(1, 1.5, 2.5, 3.5), event = c(0, 1, 1, 1)))),
  list(name = "median_on_flat_half", groups = list(
    list(time = c(1, 2, 3, 4), event = c(1, 1, 1, 1)),
    list(time = c(1, 2, 3, 4, 5, 6), event = c(1, 0, 1, 0, 1, 0)))),
  # Durations equal but for floating-point noise, as a sum of months from days or 0.7 + 0.1 gives them:
  # survfit and survdiff treat them as one time (aeqSurv). Written with 17 digits, so the noise survives.
  list(name = "near_equal_times", groups = list(
    list(time = c(1 / 30.44 + 260 / 30.44, 261 / 30.44, 0.7 + 0.1, 0.8, 5, 7.2, 3 / 30.44 + 334 / 30.44, 337 / 30.44, 20),
         event = c(1, 1, 0, 1, 1, 0, 1, 1, 0)),
    list(time = c(261 / 30.44, 1 / 30.44 + 260 / 30.44, 1.1 * 3, 3.3, 0.8, 9.5, 337 / 30.44, 15),
         event = c(1, 0, 1, 1, 1, 1, 0, 1)))),
  list(name = "single_subject_and_all_censored", groups = list(
    list(time = c(3), event = c(1)),
    list(time = c(1, 2, 5), event = c(0, 0, 0)),
    list(time = c(2, 4, 4, 6), event = c(1, 1, 1, 0))))
)

fixture <- list(
  generator = unbox("tests/reference/make_survival.R"),
  survival = unbox(as.character(packageVersion("survival"))),
  z = unbox(z),
  cases = lapply(cases, function(case) list(
    name = unbox(case$name),
    groups = lapply(case$groups, function(g) curve(g$time, g$event)),
    logrank = logrank(case$groups)
  ))
)

writeLines(toJSON(fixture, digits = NA, na = "null", pretty = TRUE, json_verbatim = TRUE), out)
