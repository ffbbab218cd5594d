// V003 — the enterprise register: yearly figures keyed by id, a maintained ranking for paginated lists (output DESC, id),
// and lookups the register importer and the read models use. Never edit once applied; add V004 instead.
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;
CREATE INDEX enterprise_output_rank IF NOT EXISTS FOR (n:Enterprise) ON (n.outputRank);
CREATE INDEX enterprise_local_rank IF NOT EXISTS FOR (n:Enterprise) ON (n.local, n.outputRank);
CREATE INDEX indicator_dataset IF NOT EXISTS FOR (n:Indicator) ON (n.dataset);
CREATE INDEX target_indicator IF NOT EXISTS FOR (n:Target) ON (n.indicatorId);
CREATE INDEX target_dataset IF NOT EXISTS FOR (n:Target) ON (n.dataset);
CREATE INDEX enterprise_chain_leader IF NOT EXISTS FOR (n:Enterprise) ON (n.chainLeader);
