// @title 获荣誉企业（按链、按镇街） | Enterprises with an honour by chain and town
// @description 获得某项荣誉（如专精特新“小巨人”、单项冠军）的企业数和名单，按荣誉、产业链、镇（街道）汇总。
// @description 企业可属多条链，在每条链下各计一次；未归入任何环节的企业记为“（未归链）”。企业数据随企业名录导入。
// @param honour String = null  荣誉名称（空 = 全部）
// @param chain String = null  产业链名称、别名或英文名（空 = 全部；经 Bolt 直接运行时写规范名称）
// @param town String = null  镇（街道）名称或别名（空 = 全部）
// @column honour String 荣誉
// @column chain String 产业链
// @column town String 镇（街道）
// @column enterprises Integer 企业数
// @column names List<String> 企业名称
MATCH (e:Enterprise)-[:HAS_HONOUR]->(h:Honour)
WHERE $honour IS NULL OR h.name = $honour
OPTIONAL MATCH (e)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->(ch:Chain)
OPTIONAL MATCH (e)-[:LOCATED_IN]->(tw:Town)
WITH h, e, ch, tw
WHERE ($chain IS NULL OR ch.name = $chain)
  AND ($town IS NULL OR coalesce(tw.name, e.town) = $town OR $town IN coalesce(tw.aliases, []))
WITH h.name AS honour, coalesce(ch.name, '（未归链）') AS chain, coalesce(tw.name, e.town, '（未知）') AS town, e
ORDER BY e.name
WITH honour, chain, town, collect(DISTINCT e.name) AS names
RETURN honour, chain, town, size(names) AS enterprises, names
ORDER BY honour, chain, town;
