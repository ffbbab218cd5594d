// @title 支撑目标的企业 | Enterprises feeding a target
// @description 哪些本地企业计入一项指标、各计多少：指标统计某项荣誉时 (:Indicator)-[:COUNTS_HONOUR]->(:Honour)<-[:HAS_HONOUR]-(企业)，每家计 1（fromYear 起获得的才计）；
// @description 指标合计产值时 (:Indicator)-[:SUMS_OUTPUT_OF]->(产业链 / 集群 / 方案)，每家有产值数据的企业按最近年度产值 × 落在该范围内的份额（IN_SEGMENT.share，一家企业只计一次）计，scaleOnly 时只计规上企业。
// @description 年度目标只计当年获得的荣誉，分镇目标只计该镇企业（按 /api/targets/{id}/contributors 所用的目标：最近一年的城市级主目标）。
// @description 这些计数规则是本系统对文件的解释（import/chains/target_rules.csv，assumed），与 /api/targets/{id}/contributors 和 /api/enterprises/{id}/targets 一致（规则只在 indicator.TargetFeeds 一处）。
// @param indicator String = A1-02  指标编号或名称
// @column indicator String 指标编号
// @column name String 指标名称
// @column target String 最近一年的参考目标
// @column via String 计入方式：荣誉 / 产值
// @column basis String 依据（荣誉名称或产业链、集群、方案）
// @column enterpriseId String 企业编号（统一社会信用代码）
// @column enterprise String 企业名称
// @column town String 所在镇（街道）
// @column contribution Float 计入量（荣誉：1 家；产值：万元）
// @column sample Boolean 是否样例（虚构）企业
MATCH (i:Indicator)
WHERE i.id = $indicator OR i.name = $indicator
CALL (i) {
  OPTIONAL MATCH (i)-[:HAS_TARGET]->(g:Target)
  WHERE g.primary AND g.town IS NULL
  WITH g ORDER BY g.year DESC
  RETURN head(collect(toString(g.year) + '年：' + g.text)) AS target
}
// the counting rule below is indicator.TargetFeeds' fragments word for word (TargetFeedsTest checks it): keep them in step
// t: the target /api/targets/{indicator}/contributors counts against (the primary city-wide one of the latest year)
OPTIONAL CALL (i) {
  MATCH (i)-[:HAS_TARGET]->(t:Target) WHERE t.town IS NULL
  RETURN t ORDER BY t.primary DESC, t.year DESC, t.id LIMIT 1
}
CALL (i, t) {
  MATCH (i)-[c:COUNTS_HONOUR]->(h:Honour)<-[r:HAS_HONOUR]-(e:Enterprise)
  WHERE (e.local = true AND (c.fromYear IS NULL OR r.year >= c.fromYear))
    AND ((coalesce(t.period, '') <> '年度' OR r.year = t.year) AND (t.town IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Town {name: t.town}) }))
  RETURN '荣誉' AS via, h.name AS basis, e, 1.0 AS contribution
  UNION
  MATCH (i)-[so:SUMS_OUTPUT_OF]->(x)
  MATCH (s:Segment)
  WHERE (s = x OR EXISTS { (s)-[:PART_OF]->(x) } OR EXISTS { (s)-[:PART_OF]->(:Chain)-[:PART_OF]->(x) } OR EXISTS { (s)-[:PART_OF]->(:Chain)-[:PART_OF]->(:Cluster)-[:PART_OF]->(x) })
  MATCH (e:Enterprise)-[m:IN_SEGMENT]->(s)
  WHERE (e.local = true AND e.output IS NOT NULL AND (NOT coalesce(so.scaleOnly, false) OR e.scale = true))
  WITH x, e, sum(m.share) AS share
  RETURN '产值' AS via, x.name AS basis, e, e.output * share AS contribution
}
OPTIONAL MATCH (e)-[:LOCATED_IN]->(tw:Town)
RETURN i.id AS indicator, i.name AS name, target, via, basis, e.id AS enterpriseId, e.name AS enterprise,
       tw.name AS town, contribution, coalesce(e.sample, false) AS sample
ORDER BY via, basis, contribution DESC, enterprise;
