// V004 — the full sort key of ranked enterprise lists (output DESC, id) as one index: a page of a chain's list seeks
// between two bookmarks by (outputRank, id), also inside a tie group (enterprises without output share outputRank -1).
// Never edit once applied; add V005 instead.
CREATE INDEX enterprise_rank_id IF NOT EXISTS FOR (n:Enterprise) ON (n.outputRank, n.id);
