// @title 指标与目标值 | Indicators and targets by year and owner
// @description 全市层面的指标目标值（附件1、附件3“全市”列、正文目标），可按年份、牵头部门、来源筛选；默认只列参考表述（primary），
// @description 设 primaryOnly=false 可同时看到正文和附件2中的重述。镇（街道）分解见 town-breakdown。
// @param year Integer = null  目标年份（空 = 全部年份）
// @param department String = null  牵头部门（规范名或别名；空 = 全部）
// @param origin String = null  指标来源：附件1 / 附件3 / 正文（空 = 全部）
// @param primaryOnly Boolean = true  只列参考表述
// @column indicator String 指标编号
// @column origin String 来源（附件1 / 附件3 / 正文）
// @column category String 一级指标或分组
// @column name String 指标名称
// @column unit String 单位
// @column lead String 牵头部门
// @column year Integer 年份
// @column value Float 目标值（文字目标为空）
// @column comparator String 比较符（>= > = <=）
// @column qualifier String 原文限定词（以上、突破……）
// @column text String 原文表述
// @column period String 年度 / 累计 / 每年 / 期末
// @column primary Boolean 是否参考表述
// @column clause String 出处
MATCH (i:Indicator)-[:HAS_TARGET]->(t:Target)
WHERE t.town IS NULL
  AND ($year IS NULL OR t.year = $year)
  AND ($origin IS NULL OR i.origin = $origin)
  AND (NOT $primaryOnly OR t.primary)
OPTIONAL MATCH (i)-[:LED_BY]->(lead:Department)
WITH i, t, lead
WHERE $department IS NULL OR lead.name = $department
OPTIONAL MATCH (t)-[:STATED_IN]->(s:Source)
RETURN i.id AS indicator, i.origin AS origin, i.category AS category, i.name AS name, i.unit AS unit, lead.name AS lead,
       t.year AS year, t.value AS value, t.comparator AS comparator, t.qualifier AS qualifier, t.text AS text,
       t.period AS period, t.primary AS primary, s.ref AS clause
ORDER BY CASE i.origin WHEN '附件1' THEN 1 WHEN '附件3' THEN 2 ELSE 3 END, i.id, year, primary DESC, t.id;
