// @title 提及某事物的任务 | Tasks that mention a chain, platform or institute
// @description 附件2中提到某条产业链、平台、机构、企业、指标或环节的任务（(:Task)-[:CONCERNS]->(x)），附原文引语和牵头部门。
// @description thing 可写名称、编号或别名；kind 限定种类：Chain / Platform / Institute / Enterprise / Indicator / Segment。两者都空时列出全部。
// @param thing String = null  名称、编号或别名（如 光电通信、P-PHETDZ、上海交大智能光电研究院）
// @param kind String = null  种类（Chain / Platform / Institute / Enterprise / Indicator / Segment）
// @column kind String 种类
// @column ref String 编号或名称（键）
// @column name String 名称
// @column no Integer 任务序号
// @column lead String 牵头部门
// @column quote String 原文引语
// @column content String 任务具体内容
// @column clause String 出处（Source.id）
MATCH (t:Task)-[c:CONCERNS]->(x)
WITH t, c, x, [l IN labels(x) WHERE l IN ['Chain', 'Platform', 'Institute', 'Enterprise', 'Indicator', 'Segment']][0] AS kind
WHERE ($kind IS NULL OR kind = $kind)
  AND ($thing IS NULL OR x.name = $thing OR x.id = $thing OR $thing IN coalesce(x.aliases, []))
OPTIONAL MATCH (t)-[:LED_BY]->(lead:Department)
OPTIONAL MATCH (src:Source {id: c.source})
RETURN kind, coalesce(x.id, x.name) AS ref, x.name AS name, t.no AS no, lead.name AS lead, c.quote AS quote,
       t.content AS content, coalesce(src.ref, c.source) AS clause
ORDER BY no, size(split(t.content, coalesce(c.quote, x.name))[0]), kind, ref;
