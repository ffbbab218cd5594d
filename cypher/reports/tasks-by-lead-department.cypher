// @title 牵头部门的任务 | Tasks by lead department
// @description 附件2中由某部门牵头（责任单位中列第一位）的任务，按任务序号排列，并列出配合部门和出处。部门可写简称或别名（如“经信局”）。
// @param department String = 市经信局  部门名称（规范名或别名，如 经信局、市自规局）
// @column department String 牵头部门（规范名）
// @column no Integer 任务序号（附件2行号）
// @column measure String 所属措施（正文标题）
// @column content String 具体内容（原文）
// @column coOwners List<String> 配合部门（按原文顺序）
// @column clause String 出处
MATCH (d:Department)
WHERE d.name = $department
MATCH (t:Task)-[:LED_BY]->(d)
MATCH (t)-[:PART_OF]->(m:Measure)
OPTIONAL MATCH (t)-[:STATED_IN]->(s:Source)
CALL (t) {
  OPTIONAL MATCH (t)-[c:CO_OWNED_BY]->(co:Department)
  WITH co ORDER BY c.order
  RETURN collect(co.name) AS coOwners
}
RETURN d.name AS department, t.no AS no, CASE WHEN m.no STARTS WITH '(' THEN m.no + ' ' ELSE m.no + '. ' END + m.title AS measure, t.content AS content, coOwners, s.ref AS clause
ORDER BY no;
