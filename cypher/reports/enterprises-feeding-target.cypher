// @title 支撑目标的企业 | Enterprises feeding a target
// @description 哪些企业计入一项指标：指标统计某项荣誉时 (:Indicator)-[:COUNTS_HONOUR]->(:Honour)<-[:HAS_HONOUR]-(企业)，
// @description 指标合计产值时 (:Indicator)-[:SUMS_OUTPUT_OF]->(产业链 / 集群 / 方案) 下各环节的企业。指标与企业的这些连接随企业名录导入；未导入时无结果。
// @param indicator String = A1-02  指标编号或名称
// @column indicator String 指标编号
// @column name String 指标名称
// @column target String 最近一年的参考目标
// @column via String 计入方式：荣誉 / 产值
// @column basis String 依据（荣誉名称或产业链、集群、方案）
// @column enterpriseId String 企业编号（统一社会信用代码）
// @column enterprise String 企业名称
// @column town String 所在镇（街道）
// @column local Boolean 是否本地企业
// @column output Float 产值
MATCH (i:Indicator)
WHERE i.id = $indicator OR i.name = $indicator
CALL (i) {
  OPTIONAL MATCH (i)-[:HAS_TARGET]->(g:Target)
  WHERE g.primary AND g.town IS NULL
  WITH g ORDER BY g.year DESC
  RETURN head(collect(toString(g.year) + '年：' + g.text)) AS target
}
CALL (i) {
  OPTIONAL MATCH (i)-[:COUNTS_HONOUR]->(h:Honour)<-[:HAS_HONOUR]-(e:Enterprise)
  RETURN '荣誉' AS via, h.name AS basis, e
  UNION
  OPTIONAL MATCH (i)-[:SUMS_OUTPUT_OF]->(x)
  WHERE x:Chain OR x:Cluster OR x:Programme
  OPTIONAL MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->(ch:Chain)
  WHERE x IS NOT NULL AND (x:Programme OR ch = x OR (ch)-[:PART_OF]->(x))
  RETURN '产值' AS via, x.name AS basis, e
}
WITH i, target, via, basis, e
WHERE e IS NOT NULL
OPTIONAL MATCH (e)-[:LOCATED_IN]->(tw:Town)
RETURN i.id AS indicator, i.name AS name, target, via, basis, e.id AS enterpriseId, e.name AS enterprise,
       coalesce(tw.name, e.town) AS town, e.local AS local, e.output AS output
ORDER BY via, basis, output DESC, enterprise;
