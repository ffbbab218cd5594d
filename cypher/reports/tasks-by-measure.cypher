// @title 各章节、措施的任务 | Tasks per section and measure
// @description 正文每项措施（二、主要任务 1–23；三、保障措施 (一)–(七)）在附件2中对应的任务数、任务序号和牵头部门，按文中顺序；附件2印法不同的标题一并列出。
// @param section String = null  章节编号（如 S2.3）或序号（如 (三)）；空 = 全部
// @column section String 章节
// @column measureId String 措施编号
// @column measureNo String 措施序号
// @column measure String 措施标题（正文）
// @column annexTitles List<String> 附件2中的不同印法
// @column tasks Integer 任务数
// @column taskNos List<Integer> 任务序号
// @column leads List<String> 牵头部门（按任务先后，去重）
// @column clause String 正文出处
MATCH (m:Measure)-[:PART_OF]->(sec:Section)
WHERE $section IS NULL OR sec.id = $section OR sec.no = $section
OPTIONAL MATCH (m)-[:STATED_IN]->(s:Source)
CALL (m) {
  OPTIONAL MATCH (t:Task)-[:PART_OF]->(m)
  OPTIONAL MATCH (t)-[:LED_BY]->(d:Department)
  WITH t, d ORDER BY t.no
  RETURN count(t) AS tasks, collect(t.no) AS taskNos, collect(d.name) AS leadsInOrder
}
RETURN sec.no + ' ' + sec.title AS section, m.id AS measureId, m.no AS measureNo, m.title AS measure,
       coalesce(m.annexTitles, []) AS annexTitles, tasks, taskNos,
       reduce(acc = [], x IN leadsInOrder | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS leads, s.ref AS clause
ORDER BY sec.id, m.id;
