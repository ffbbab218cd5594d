// @title 任务出处 | Provenance of a task
// @description 一项附件2任务的来龙去脉：所属章节与措施（正文）、附件2原行（含责任单位原文）、正文对应段落、责任单位（规范名，按原文顺序）和提及的事物。
// @param no Integer = 52  任务序号（1–62）
// @column no Integer 任务序号
// @column section String 所属章节（正文）
// @column measure String 所属措施（正文）
// @column annexMeasureCell String 附件2“重点任务”单元格原文（空 = 合并单元格留空）
// @column content String 具体内容
// @column departments List<String> 责任单位（规范名，第一位牵头）
// @column departmentsRaw String 责任单位原文
// @column clause String 附件2出处
// @column sourceText String 附件2原行（各单元格以 | 分隔）
// @column measureClause String 正文出处
// @column measureText String 正文段落
// @column mentions List<String> 提及的产业链、平台、机构、企业、指标（按在原文中出现的先后）
MATCH (t:Task {no: $no})
MATCH (t)-[:PART_OF]->(m:Measure)-[:PART_OF]->(sec:Section)
OPTIONAL MATCH (t)-[:STATED_IN]->(ts:Source)
OPTIONAL MATCH (m)-[:STATED_IN]->(ms:Source)
CALL (t) {
  MATCH (t)-[o:LED_BY|CO_OWNED_BY]->(d:Department)
  WITH d ORDER BY o.order
  RETURN collect(d.name) AS departments
}
CALL (t) {
  OPTIONAL MATCH (t)-[c:CONCERNS]->(x)
  WITH x ORDER BY size(split(t.content, coalesce(c.quote, x.name))[0]), coalesce(x.id, x.name)
  RETURN collect(x.name) AS mentions
}
RETURN t.no AS no, sec.no + ' ' + sec.title AS section, CASE WHEN m.no STARTS WITH '(' THEN m.no + ' ' ELSE m.no + '. ' END + m.title AS measure, t.annexMeasureCell AS annexMeasureCell,
       t.content AS content, departments, t.departmentsRaw AS departmentsRaw, ts.ref AS clause, ts.text AS sourceText,
       ms.ref AS measureClause, ms.text AS measureText, mentions;
