// @title 只有文字的目标 | Targets with text-only values
// @description 没有数值、只有文字表述的目标（如“完成嘉兴下达任务”“待嘉兴市发改委确定后另行下达”“-”），这些目标无法自动比较和汇总，需要人工跟进。
// @param primaryOnly Boolean = false  只列参考表述
// @column indicator String 指标编号
// @column name String 指标名称
// @column year Integer 年份
// @column town String 镇（街道；空 = 全市）
// @column text String 原文表述
// @column qualifier String 原文限定词
// @column primary Boolean 是否参考表述
// @column lead String 牵头部门
// @column clause String 出处
MATCH (i:Indicator)-[:HAS_TARGET]->(t:Target)
WHERE t.value IS NULL AND (NOT $primaryOnly OR t.primary)
OPTIONAL MATCH (t)-[:IN_TOWN]->(tw:Town)
OPTIONAL MATCH (i)-[:LED_BY]->(lead:Department)
OPTIONAL MATCH (t)-[:STATED_IN]->(s:Source)
RETURN i.id AS indicator, i.name AS name, t.year AS year, t.town AS town, t.text AS text, t.qualifier AS qualifier,
       t.primary AS primary, lead.name AS lead, s.ref AS clause
ORDER BY indicator, year, coalesce(tw.order, 99), primary DESC, t.id;
