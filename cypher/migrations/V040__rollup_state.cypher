// V040 — the rollups' generation marker (issue 15): every write that changes what the rollups summarise moves
// dataGeneration on in its own transaction; a refresh records the generation it read. A store from before this
// migration is treated as stale once, so its rollups are refreshed at the next start.
MERGE (g:RollupState {id: 'rollups'})
ON CREATE SET g.dataGeneration = 1, g.rollupGeneration = 0, g.sharesGeneration = 0, g.sharesDoneGeneration = 0;
