// V030 — the 招商 pipeline (issue 17): leads, their events (stage moves, corrections, 跟进记录, reassignments,
// figure changes), projects and the USD rate per year used by the 招大引强 thresholds.
CREATE CONSTRAINT lead_id IF NOT EXISTS FOR (n:Lead) REQUIRE n.id IS UNIQUE;
CREATE INDEX lead_owner IF NOT EXISTS FOR (n:Lead) ON (n.owner);
CREATE INDEX lead_stage IF NOT EXISTS FOR (n:Lead) ON (n.stage);
CREATE INDEX lead_chain IF NOT EXISTS FOR (n:Lead) ON (n.chain);
CREATE CONSTRAINT lead_event_id IF NOT EXISTS FOR (n:LeadEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX lead_event_lead IF NOT EXISTS FOR (n:LeadEvent) ON (n.lead);
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT usd_rate_year IF NOT EXISTS FOR (n:UsdRate) REQUIRE n.year IS UNIQUE;
