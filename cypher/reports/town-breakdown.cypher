// @title 指标的镇街分解 | Town breakdown of an indicator
// @description 附件3一项指标在各镇（街道）的分解值（按附件3列序），加上全市值、各镇合计和差额（合计−全市）。
// @description 只有可加总的指标（金额、数量）才求和；比率、增速类指标的合计和差额为空。
// @param indicator String = A3-02  指标编号（如 A3-10）或附件3的指标名称
// @column indicator String 指标编号
// @column name String 指标名称
// @column unit String 单位
// @column kind String 行类别：镇（街道） / 全市 / 各镇合计 / 差额
// @column town String 镇（街道）
// @column value Float 数值
// @column text String 原文
// @column note String 说明
MATCH (i:Indicator)
WHERE i.id = $indicator OR (i.name = $indicator AND i.origin = '附件3')
OPTIONAL MATCH (i)-[:HAS_TARGET]->(t:Target)-[:IN_TOWN]->(tw:Town)
WHERE t.primary
WITH i, t, tw ORDER BY tw.order
WITH i, collect(CASE WHEN t IS NOT NULL THEN {kind: '镇（街道）', town: tw.name, value: t.value, text: t.text, note: null} END) AS towns,
     sum(t.value) AS rawSum, count(t) AS townCount, min(t.year) AS year
OPTIONAL MATCH (i)-[:HAS_TARGET]->(c:Target)
WHERE c.primary AND c.town IS NULL AND (year IS NULL OR c.year = year)
WITH i, towns, rawSum, townCount, c ORDER BY c.year DESC
WITH i, towns, rawSum, townCount, head(collect(c)) AS city
WITH i, towns, city, CASE WHEN i.additive AND townCount > 0 THEN round(rawSum, 6) END AS townSum
WITH i, towns, city, townSum,
     CASE WHEN townSum IS NOT NULL AND city.value IS NOT NULL THEN round(townSum - city.value, 6) END AS difference
WITH i, towns
     + CASE WHEN city IS NULL THEN [] ELSE [{kind: '全市', town: '全市', value: city.value, text: city.text, note: null}] END
     + CASE WHEN size(towns) = 0 THEN [] ELSE [
         {kind: '各镇合计', town: null, value: townSum, text: null,
          note: CASE WHEN i.additive THEN '各镇（街道）数值之和' ELSE '非加总指标（比率、增速等），各镇数值不相加' END},
         {kind: '差额', town: null, value: difference, text: null,
          note: CASE WHEN NOT i.additive THEN '不适用' WHEN difference IS NULL THEN null WHEN difference = 0 THEN '合计与全市一致' ELSE '合计与全市不一致（合计−全市）' END}
       ] END AS rows
UNWIND range(0, size(rows) - 1) AS k
RETURN i.id AS indicator, i.name AS name, i.unit AS unit, rows[k].kind AS kind, rows[k].town AS town,
       rows[k].value AS value, rows[k].text AS text, rows[k].note AS note
ORDER BY k;
