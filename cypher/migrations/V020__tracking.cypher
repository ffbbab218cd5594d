// V020 — carrying out the plan (issue 16): periods, 季度进展 reports and their reviews, co-owners' 配合情况, 指标实绩,
// 督办. Everything written by people is versioned (a correction is a new node that SUPERSEDES the old one).
CREATE CONSTRAINT period_id IF NOT EXISTS FOR (n:Period) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT progress_report_id IF NOT EXISTS FOR (n:ProgressReport) REQUIRE n.id IS UNIQUE;
CREATE INDEX progress_report_task_period IF NOT EXISTS FOR (n:ProgressReport) ON (n.task, n.period);
CREATE INDEX progress_report_period IF NOT EXISTS FOR (n:ProgressReport) ON (n.period);
CREATE CONSTRAINT report_review_id IF NOT EXISTS FOR (n:ReportReview) REQUIRE n.id IS UNIQUE;
CREATE INDEX report_review_task_period IF NOT EXISTS FOR (n:ReportReview) ON (n.task, n.period);
CREATE CONSTRAINT report_contribution_id IF NOT EXISTS FOR (n:ReportContribution) REQUIRE n.id IS UNIQUE;
CREATE INDEX report_contribution_task_period IF NOT EXISTS FOR (n:ReportContribution) ON (n.task, n.period);
CREATE CONSTRAINT indicator_actual_id IF NOT EXISTS FOR (n:IndicatorActual) REQUIRE n.id IS UNIQUE;
CREATE INDEX indicator_actual_indicator_period IF NOT EXISTS FOR (n:IndicatorActual) ON (n.indicator, n.period);
CREATE INDEX indicator_actual_period IF NOT EXISTS FOR (n:IndicatorActual) ON (n.period);
CREATE CONSTRAINT supervision_id IF NOT EXISTS FOR (n:Supervision) REQUIRE n.id IS UNIQUE;
CREATE INDEX supervision_department IF NOT EXISTS FOR (n:Supervision) ON (n.department);
UNWIND range(2023, 2027) AS y
MERGE (year:Period {id: toString(y)})
  SET year.year = y, year.quarter = 0, year.start = date({year: y, month: 1, day: 1}), year.end = date({year: y, month: 12, day: 31})
WITH y, year
UNWIND range(1, 4) AS q
MERGE (p:Period {id: toString(y) + 'Q' + toString(q)})
  SET p.year = y, p.quarter = q, p.start = date({year: y, month: q * 3 - 2, day: 1}),
      p.end = date({year: y, month: q * 3, day: 1}) + duration({months: 1}) - duration({days: 1})
MERGE (p)-[:PART_OF]->(year);
