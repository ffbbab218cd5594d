// @title 产业链“十个一”落实情况 | Chain "ten ones" mechanism status
// @description 正文二(二)4 要求每条产业链建立“十个一”工作机制（链长、工作小组、链主企业……工作制度）。本表列出每条链每一项的已知内容和状态（未知 / 已知 / 样例）。
// @param chain String = null  产业链名称、别名或英文名（空 = 全部；经 Bolt 直接运行时写规范名称）
// @param status String = null  状态：未知 / 已知 / 样例（空 = 全部）
// @column chain String 产业链
// @column item String “十个一”项目
// @column value String 已知内容（未知为空）
// @column status String 状态
// @column note String 说明
MATCH (ch:Chain)-[:HAS_ITEM]->(it:ChainItem)
WHERE ($chain IS NULL OR ch.name = $chain)
  AND ($status IS NULL OR it.status = $status)
OPTIONAL MATCH (ch)-[:STATED_IN]->(src:Source)
RETURN ch.name AS chain, it.item AS item, it.value AS value, it.status AS status, it.note AS note
// chains in the order of 附件2 第42行, items in the order of 正文二(二)4
ORDER BY size(split(coalesce(src.text, ''), ch.name)[0]), chain,
         coalesce([k IN range(0, 9) WHERE ['链长', '工作小组', '链主企业', '产业联盟', '产业发展规划', '产业基金', '产业链鱼骨图',
                                          '重点企业清单', '重点招商对象清单', '工作制度'][k] = it.item][0], 10), item;
