// @title 招大引强项目（按签约年度） | 招大引强 projects by year
// @description 正文 二(二)4：每年引进世界500强、总投资超亿美元以及备案投资额10亿元以上等招大引强项目10个以上（指标 G-BIGPROJ）。按签约年度统计已签约且未终止、符合任一标准的项目。
// @description 是否招大引强由应用的规则判断（外资项目按签约年度汇率折算，import/pipeline/usd_rates.csv）并写在项目上（bigProject、bigCriteria），与 GET /api/pipeline/summary 一致。
// @param year Integer = null  签约年度（空 = 全部年度）
// @column year Integer 签约年度
// @column projects Integer 招大引强项目数
// @column target Integer 年度目标（10个以上）
// @column met Boolean 是否达到
// @column sample Integer 其中样例（虚构）
// @column list List<String> 项目（编号 企业 标准）
MATCH (l:Lead)-[:HAS_PROJECT]->(p:Project {bigProject: true})
WHERE l.signedOn IS NOT NULL AND l.stage <> '终止' AND ($year IS NULL OR l.signedOn.year = $year)
WITH l.signedOn.year AS year, l, p ORDER BY l.signedOn, l.id
RETURN year, count(l) AS projects, 10 AS target, count(l) >= 10 AS met,
       size([x IN collect(l.sample) WHERE x]) AS sample,
       collect(l.id + ' ' + l.enterpriseName + ' ' + reduce(s = '', c IN p.bigCriteria | s + c + ' ')) AS list
ORDER BY year;
