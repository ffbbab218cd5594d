// @title 连续两个季度红灯的任务 | Tasks red two quarters running
// @description 在给定季度及其上一季度都亮红灯的重点任务：当期报告的灯为红（受阻，或落后序时进度超过红灯阈值），或该季度没有报告。
// @description 灯取每季度最新版本报告上保存的灯（由 tracking.Lights 在报送时计算，阈值见 lightReason）；未报按红灯计（假定已过报送期限）。
// @param period String = 2024Q2  季度（如 2024Q2）
// @column no Integer 任务序号
// @column lead String 牵头单位
// @column previous String 上一季度的灯及原因
// @column current String 本季度的灯及原因
// @column sample Boolean 含样例数据
MATCH (p:Period {id: $period})
WITH p, CASE WHEN p.quarter = 1 THEN toString(p.year - 1) + 'Q4' ELSE toString(p.year) + 'Q' + toString(p.quarter - 1) END AS prevId
MATCH (t:Task)-[:LED_BY]->(d:Department)
WITH t, d, p, prevId,
     head(COLLECT { MATCH (r:ProgressReport {task: t.no, period: p.id}) RETURN r ORDER BY r.version DESC }) AS cur,
     head(COLLECT { MATCH (r:ProgressReport {task: t.no, period: prevId}) RETURN r ORDER BY r.version DESC }) AS prev
WHERE (cur IS NULL OR cur.light = 'RED') AND (prev IS NULL OR prev.light = 'RED')
RETURN t.no AS no, d.name AS lead,
       prevId + '：' + CASE WHEN prev IS NULL THEN '未报' ELSE prev.lightReason END AS previous,
       p.id + '：' + CASE WHEN cur IS NULL THEN '未报' ELSE cur.lightReason END AS current,
       coalesce(cur.sample, false) OR coalesce(prev.sample, false) AS sample
ORDER BY no;
