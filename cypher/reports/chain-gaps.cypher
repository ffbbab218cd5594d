// @title 产业链缺链环节 | Gaps of a chain
// @description 缺链（本地无企业）和弱链（本地企业、规上企业或本地产值低于阈值）的环节，即补链、招商的方向；列出状态的理由、该环节供给的下游环节和检索关键词。
// @description 状态与 GET /api/chains/{name}/gaps 相同：由缺链规则（阈值 clustergraph.gaps.*）在每次汇总刷新后写在环节上（gapStatus、gapReason，所用阈值见 rule 列）。环节划分是假定数据。
// @description 经应用运行时产业链可写名称、别名或英文名；经 Bolt 直接运行时请写规范名称。
// @param chain String = null  产业链名称、别名或英文名（空 = 全部）
// @column chain String 产业链
// @column stage String 环节位置
// @column segmentId String 环节编号
// @column segment String 环节名称
// @column localEnterprises Integer 本地企业数
// @column scaleEnterprises Integer 本地规上企业数
// @column localOutput Float 本地产值（万元，按 IN_SEGMENT.share 拆分）
// @column enterprises Integer 企业数（含外地）
// @column gap String 缺链 / 弱链
// @column reason String 理由
// @column rule String 所用阈值
// @column supplies List<String> 该环节供给的环节（含跨链）
// @column keywords List<String> 检索关键词（招商用）
MATCH (ch:Chain)
WHERE $chain IS NULL OR ch.name = $chain
OPTIONAL MATCH (ch)-[:STATED_IN]->(src:Source)
MATCH (s:Segment)-[:PART_OF]->(ch)
WHERE s.gapStatus IN ['缺链', '弱链']
CALL (s) {
  OPTIONAL MATCH (s)-[:SUPPLIES]->(down:Segment)
  WITH down ORDER BY down.chain, down.id
  RETURN collect(CASE WHEN down.chain = s.chain THEN down.name ELSE down.chain + '/' + down.name END) AS supplies
}
RETURN ch.name AS chain, s.stage AS stage, s.id AS segmentId, s.name AS segment, coalesce(s.rollupLocal, 0) AS localEnterprises,
       coalesce(s.rollupScale, 0) AS scaleEnterprises, coalesce(s.rollupOutput, 0.0) AS localOutput,
       coalesce(s.rollupEnterprises, 0) AS enterprises, s.gapStatus AS gap, s.gapReason AS reason, s.gapRule AS rule,
       supplies, s.keywords AS keywords
ORDER BY CASE s.gapStatus WHEN '缺链' THEN 0 ELSE 1 END, localEnterprises, size(split(coalesce(src.text, ''), ch.name)[0]), chain,
         CASE stage WHEN '上游' THEN 1 WHEN '中游' THEN 2 WHEN '下游' THEN 3 ELSE 4 END, s.order, segmentId;
