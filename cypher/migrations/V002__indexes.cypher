// V002 — lookup indexes the queries need, and one full-text index over names and aliases with the cjk analyzer
// (Neo4j's default analyzer does not split Chinese; cjk indexes character bigrams, so 经信局 finds 市经信局).
CREATE INDEX task_measure IF NOT EXISTS FOR (n:Task) ON (n.measureId);
CREATE INDEX indicator_origin IF NOT EXISTS FOR (n:Indicator) ON (n.origin);
CREATE INDEX target_year IF NOT EXISTS FOR (n:Target) ON (n.year);
CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
CREATE INDEX enterprise_local IF NOT EXISTS FOR (n:Enterprise) ON (n.local);
CREATE INDEX enterprise_dataset IF NOT EXISTS FOR (n:Enterprise) ON (n.dataset);
CREATE INDEX segment_chain IF NOT EXISTS FOR (n:Segment) ON (n.chain);
CREATE FULLTEXT INDEX name_search IF NOT EXISTS
FOR (n:Department|Task|Indicator|Cluster|Chain|Segment|Enterprise|Platform|Institute|Town|Measure|Section)
ON EACH [n.name, n.aliasText, n.content, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
