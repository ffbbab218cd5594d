// @title 产业链缺链环节 | Gaps of a chain
// @description 本地企业为零（空白）或少于 fewerThan 家（薄弱）的环节，即补链、招商的方向；列出该环节供给的下游环节和检索关键词。
// @description 本地企业 = (:Enterprise {local: true})-[:IN_SEGMENT]->(环节)。环节划分是假定数据。
// @param chain String = null  产业链名称或别名（空 = 全部）
// @param fewerThan Integer = 3  本地企业少于此数即列为薄弱
// @column chain String 产业链
// @column stage String 环节位置
// @column segmentId String 环节编号
// @column segment String 环节名称
// @column localEnterprises Integer 本地企业数
// @column enterprises Integer 企业数（含外地）
// @column gap String 空白 / 薄弱
// @column supplies List<String> 该环节供给的环节（含跨链）
// @column keywords List<String> 检索关键词（招商用）
MATCH (ch:Chain)
WHERE $chain IS NULL OR ch.name = $chain OR $chain IN ch.aliases
OPTIONAL MATCH (ch)-[:STATED_IN]->(src:Source)
MATCH (s:Segment)-[:PART_OF]->(ch)
CALL (s) {
  OPTIONAL MATCH (e:Enterprise)-[:IN_SEGMENT]->(s)
  WITH DISTINCT e
  RETURN count(e) AS enterprises, count(CASE WHEN e.local = true THEN 1 END) AS localEnterprises
}
WITH ch, src, s, enterprises, localEnterprises
WHERE localEnterprises < $fewerThan
CALL (s) {
  OPTIONAL MATCH (s)-[:SUPPLIES]->(down:Segment)
  WITH down ORDER BY down.chain, down.id
  RETURN collect(CASE WHEN down.chain = s.chain THEN down.name ELSE down.chain + '/' + down.name END) AS supplies
}
RETURN ch.name AS chain, s.stage AS stage, s.id AS segmentId, s.name AS segment, localEnterprises, enterprises,
       CASE WHEN localEnterprises = 0 THEN '空白' ELSE '薄弱' END AS gap, supplies, s.keywords AS keywords
ORDER BY localEnterprises, size(split(coalesce(src.text, ''), ch.name)[0]), chain,
         CASE stage WHEN '上游' THEN 1 WHEN '中游' THEN 2 WHEN '下游' THEN 3 ELSE 4 END, s.order, segmentId;
