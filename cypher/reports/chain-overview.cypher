// @title 产业链概览 | Chain overview
// @description 八条产业链的环节（默认鱼骨图，按上游→中游→下游→配套），每个环节的企业数、本地企业数、本地产值合计和荣誉；数字与链长视图 GET /api/chains/{name} 相同（汇总值）。
// @description 产值相加时按拆分规则计：一家企业的产值先平分到它所在的各条链，再平分到链内各环节（IN_SEGMENT.share），不重复计算。
// @description 集群归属和环节划分是假定数据（assumed）；企业数据随企业名录导入，未导入时各数为 0。
// @param chain String = null  产业链名称、别名或英文名（空 = 全部八条链；经 Bolt 直接运行时写规范名称）
// @column cluster String 所属集群（假定）
// @column chain String 产业链
// @column stage String 环节位置：上游 / 中游 / 下游 / 配套
// @column stageOrder Integer 位置内序号
// @column segmentId String 环节编号
// @column segment String 环节名称
// @column enterprises Integer 企业数
// @column localEnterprises Integer 本地企业数
// @column output Float 本地企业产值合计（万元，按 IN_SEGMENT.share 拆分）
// @column honours List<String> 荣誉及获得企业数（名称×家数）
// @column assumed Boolean 是否假定数据
MATCH (ch:Chain)
WHERE $chain IS NULL OR ch.name = $chain
OPTIONAL MATCH (ch)-[:PART_OF]->(cl:Cluster)
OPTIONAL MATCH (ch)-[:STATED_IN]->(src:Source)
MATCH (s:Segment)-[:PART_OF]->(ch)
CALL (s) {
  OPTIONAL MATCH (e:Enterprise)-[:IN_SEGMENT]->(s)
  OPTIONAL MATCH (e)-[:HAS_HONOUR]->(h:Honour)
  WITH h.name AS honour, count(DISTINCT e) AS n
  WHERE honour IS NOT NULL
  WITH honour, n ORDER BY n DESC, honour
  RETURN collect(honour + '×' + toString(n)) AS honours
}
// chains in the order 附件2 第42行 lists them
RETURN cl.name AS cluster, ch.name AS chain, s.stage AS stage, s.order AS stageOrder, s.id AS segmentId, s.name AS segment,
       coalesce(s.rollupEnterprises, 0) AS enterprises, coalesce(s.rollupLocal, 0) AS localEnterprises, s.rollupOutput AS output,
       honours, s.assumed AS assumed
ORDER BY size(split(coalesce(src.text, ''), ch.name)[0]), chain,
         CASE stage WHEN '上游' THEN 1 WHEN '中游' THEN 2 WHEN '下游' THEN 3 ELSE 4 END, stageOrder, segmentId;
