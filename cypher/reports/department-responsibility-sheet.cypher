// @title 部门责任清单 | Department responsibility sheet
// @description 一个部门在方案中的全部责任：牵头任务、配合任务（附件2，按序号）、牵头指标、配合指标（正文目标、附件1、附件3，按文中先后）。
// @description 部门可写规范名、简称或别名（如“经信局”“市人社保局”），结果给出规范名。
// @param department String = 市经信局  部门名称（规范名、别名或全称；经 Bolt 直接运行时写规范名）
// @column department String 部门（规范名）
// @column part String 分组：牵头任务 / 配合任务 / 牵头指标 / 配合指标
// @column ref String 任务名（任务12）或指标编号（A1-02）
// @column no Integer 任务序号或指标序号
// @column heading String 所属措施（任务）或 来源与一级指标（指标）
// @column item String 任务具体内容或指标名称（单位）
// @column targets List<String> 指标的目标值（全市、参考表述，按年份）
// @column owners List<String> 全部责任单位（原文顺序，第一位牵头）
// @column clause String 出处
// the department named by its name, an alias or its full name (the app's one alias rule, DepartmentNames.RESOLVE)
CALL () {
  MATCH (d:Department)
  WHERE d.name = $department OR $department IN d.aliases OR d.fullName = $department
  RETURN d ORDER BY CASE WHEN d.name = $department THEN 0 ELSE 1 END LIMIT 1
}
CALL (d) {
  MATCH (t:Task)-[r:LED_BY|CO_OWNED_BY]->(d)
  MATCH (t)-[:PART_OF]->(m:Measure)
  OPTIONAL MATCH (t)-[:STATED_IN]->(s:Source)
  CALL (t) {
    MATCH (t)-[o:LED_BY|CO_OWNED_BY]->(x:Department)
    WITH x ORDER BY o.order
    RETURN collect(x.name) AS owners
  }
  RETURN CASE type(r) WHEN 'LED_BY' THEN 1 ELSE 2 END AS rank,
         CASE type(r) WHEN 'LED_BY' THEN '牵头任务' ELSE '配合任务' END AS part,
         t.name AS ref, t.no AS no, CASE WHEN m.no STARTS WITH '(' THEN m.no + ' ' ELSE m.no + '. ' END + m.title AS heading, t.content AS item, null AS targets, owners,
         s.ref AS clause, [t.no] AS position
  UNION ALL
  MATCH (i:Indicator)-[r:LED_BY|CO_OWNED_BY]->(d)
  OPTIONAL MATCH (i)-[:STATED_IN]->(s:Source)
  CALL (i) {
    MATCH (i)-[o:LED_BY|CO_OWNED_BY]->(x:Department)
    WITH x ORDER BY o.order
    RETURN collect(x.name) AS owners
  }
  CALL (i) {
    OPTIONAL MATCH (i)-[:HAS_TARGET]->(g:Target)
    WHERE g.primary AND g.town IS NULL
    WITH g ORDER BY g.year, g.id
    RETURN collect(toString(g.year) + '年：' + g.text) AS targets
  }
  RETURN CASE type(r) WHEN 'LED_BY' THEN 3 ELSE 4 END AS rank,
         CASE type(r) WHEN 'LED_BY' THEN '牵头指标' ELSE '配合指标' END AS part,
         i.id AS ref, toIntegerOrNull(i.no) AS no, i.origin + ' ' + i.category AS heading,
         i.name + coalesce('（' + i.unit + '）', '') AS item, targets, owners, s.ref AS clause,
         // document order: main-text goals first (by clause, e.g. MAIN-2.3.10 → [2, 3, 10]), then 附件1, then 附件3
         CASE i.origin
           WHEN '正文' THEN [1] + [p IN split(replace(s.id, 'MAIN-', ''), '.') | coalesce(toIntegerOrNull(p), toIntegerOrNull(left(p, size(p) - 1)))]
           WHEN '附件1' THEN [2, toIntegerOrNull(i.no)]
           ELSE [3, toIntegerOrNull(i.no)]
         END AS position
}
RETURN d.name AS department, part, ref, no, heading, item, targets, owners, clause
ORDER BY rank, position, ref;
