// @title 任务最多的部门 | Departments with the most tasks
// @description 各责任单位在附件2中牵头和配合的任务数及合计，另列牵头/配合的指标数；按任务合计从多到少排列。
// @param limit Integer = 100  最多列出的部门数
// @column department String 部门（规范名）
// @column kind String 机构类别
// @column led Integer 牵头任务数
// @column coOwned Integer 配合任务数
// @column total Integer 任务合计
// @column indicatorsLed Integer 牵头指标数（附件1、附件3及正文目标）
// @column indicatorsCoOwned Integer 配合指标数
// @column ledTasks List<Integer> 牵头任务序号
MATCH (d:Department)
CALL (d) {
  OPTIONAL MATCH (t:Task)-[:LED_BY]->(d)
  WITH t ORDER BY t.no
  RETURN count(t) AS led, collect(t.no) AS ledTasks
}
CALL (d) {
  OPTIONAL MATCH (t:Task)-[:CO_OWNED_BY]->(d)
  RETURN count(t) AS coOwned
}
CALL (d) {
  OPTIONAL MATCH (i:Indicator)-[r:LED_BY|CO_OWNED_BY]->(d)
  RETURN count(CASE WHEN type(r) = 'LED_BY' THEN 1 END) AS indicatorsLed,
         count(CASE WHEN type(r) = 'CO_OWNED_BY' THEN 1 END) AS indicatorsCoOwned
}
WITH d, led, coOwned, led + coOwned AS total, indicatorsLed, indicatorsCoOwned, ledTasks
WHERE total > 0 OR indicatorsLed + indicatorsCoOwned > 0
RETURN d.name AS department, d.kind AS kind, led, coOwned, total, indicatorsLed, indicatorsCoOwned, ledTasks
ORDER BY total DESC, led DESC, department
LIMIT $limit;
