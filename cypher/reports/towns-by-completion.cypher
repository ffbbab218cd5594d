// @title 镇（街道）年度目标完成情况 | Towns by completion of their 附件3 targets
// @description 各镇（街道）附件3指标的年末（第四季度）最新实绩与当年目标之比，按达到目标的指标数、平均完成率排序。
// @description 只计有数值目标的指标；比值 = 实绩 ÷ 目标（所有附件3指标越高越好）。年内序时进度和灯见 /api/tracking 与考核评价。
// @param year Integer = 2023  年份（附件3只列出 2023 年目标）
// @column town String 镇（街道）
// @column indicators Integer 有目标且有年末实绩的指标数
// @column met Integer 达到目标的指标数
// @column averageRatio Float 平均完成率（实绩/目标）
// @column sample Boolean 含样例数据
MATCH (tw:Town)<-[:IN_TOWN]-(g:Target)<-[:HAS_TARGET]-(i:Indicator)
WHERE g.primary AND g.value IS NOT NULL AND g.year = $year AND g.value > 0
WITH tw, g, i, head(COLLECT { MATCH (a:IndicatorActual {indicator: i.id, period: toString($year) + 'Q4'}) WHERE a.town = tw.name
                             RETURN a ORDER BY a.version DESC }) AS a
WHERE a IS NOT NULL AND a.value IS NOT NULL
WITH tw, count(*) AS indicators, sum(CASE WHEN a.value >= g.value THEN 1 ELSE 0 END) AS met,
     avg(a.value / g.value) AS averageRatio, max(CASE WHEN a.sample THEN 1 ELSE 0 END) = 1 AS sample
RETURN tw.name AS town, indicators, met, round(averageRatio, 3) AS averageRatio, sample
ORDER BY met DESC, averageRatio DESC, town;
