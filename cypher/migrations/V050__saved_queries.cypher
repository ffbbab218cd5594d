// V050 — the console's saved queries, per user and versioned (issue 14): one id per version, looked up by owner.
CREATE CONSTRAINT saved_query_id IF NOT EXISTS FOR (n:SavedQuery) REQUIRE n.id IS UNIQUE;
CREATE INDEX saved_query_owner IF NOT EXISTS FOR (n:SavedQuery) ON (n.owner, n.current);
