// MigrationRunnerIT: a constraint whose backing index an interrupted start may have left behind without it.
CREATE CONSTRAINT orphan_probe_id IF NOT EXISTS FOR (n:OrphanProbe) REQUIRE n.id IS UNIQUE;
