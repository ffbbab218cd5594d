// @title 无招商线索的缺链弱链环节 | Gap segments no lead works on
// @description 缺链、弱链环节中没有任何在办招商线索（未终止）的环节：补链招商还没有人跟的方向。状态与 GET /api/chains/{name}/gaps 相同（由缺链规则写在环节上）。
// @description 招商线索为内部数据；样例线索（sample-pipeline）为虚构。
// @param chain String = null  产业链名称、别名或英文名（空 = 全部）
// @column chain String 产业链
// @column stage String 环节位置
// @column segmentId String 环节编号
// @column segment String 环节名称
// @column gap String 缺链 / 弱链
// @column reason String 理由
// @column candidates Integer 外地候选企业数
// @column terminatedLeads Integer 已终止的线索数
MATCH (ch:Chain)<-[:PART_OF]-(s:Segment)
WHERE ($chain IS NULL OR ch.name = $chain) AND s.gapStatus IN ['缺链', '弱链']
  AND NOT EXISTS { MATCH (l:Lead)-[:TARGETS]->(s) WHERE l.stage <> '终止' }
RETURN ch.name AS chain, s.stage AS stage, s.id AS segmentId, s.name AS segment, s.gapStatus AS gap, s.gapReason AS reason,
       coalesce(s.rollupCandidates, 0) AS candidates,
       COUNT { MATCH (l:Lead {stage: '终止'})-[:TARGETS]->(s) } AS terminatedLeads
ORDER BY CASE s.gapStatus WHEN '缺链' THEN 0 ELSE 1 END, chain, segmentId;
