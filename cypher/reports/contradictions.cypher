// @title 文件中的矛盾与疑点 | Contradictions in the document
// @description 平政发〔2023〕38号内部前后不一致之处，原样保留、在此集中列出：同一指标同一年份（同一镇街）在不同位置的目标数值或比较符不同；
// @description 附件3可加总指标的各镇合计与全市数不符；正文与附件2的章节、措施标题不同；附件2任务排在别的措施之下；附件2任务文字与正文段落不同
// @description （忽略空格和全/半角标点）；可能是同一机构的两个部门名称。A 为参考表述（正文或附件1/附件3），B 为另一处。
// @param kind String = null  只看一类：目标表述不一致 / 镇街合计与全市不符 / 标题不一致 / 任务位置与措施不符 / 附件2与正文文字不同 / 部门可能为同一机构
// @column kind String 类别
// @column subject String 对象
// @column statementA String 表述A（参考表述）
// @column statementB String 表述B
// @column clauseA String A的出处
// @column clauseB String B的出处
// @column note String 差异说明
CALL () {
  // 1. The same target (indicator, year, town; range bounds matched) stated with another value or comparator.
  MATCH (i:Indicator)-[:HAS_TARGET]->(a:Target), (i)-[:HAS_TARGET]->(b:Target)
  WHERE a.year = b.year AND coalesce(a.town, '') = coalesce(b.town, '')
    AND ((a.primary AND NOT b.primary) OR (a.primary = b.primary AND a.id < b.id))
    AND CASE WHEN a.id ENDS WITH '-MIN' THEN 'MIN' WHEN a.id ENDS WITH '-MAX' THEN 'MAX' ELSE '' END
      = CASE WHEN b.id ENDS WITH '-MIN' THEN 'MIN' WHEN b.id ENDS WITH '-MAX' THEN 'MAX' ELSE '' END
    AND (coalesce(a.value, -1.0) <> coalesce(b.value, -1.0) OR coalesce(a.comparator, '') <> coalesce(b.comparator, ''))
  OPTIONAL MATCH (a)-[:STATED_IN]->(sa:Source)
  OPTIONAL MATCH (b)-[:STATED_IN]->(sb:Source)
  WITH i, a, b, sa, sb,
       CASE WHEN a.value = toInteger(a.value) THEN toString(toInteger(a.value)) ELSE toString(a.value) END AS va,
       CASE WHEN b.value = toInteger(b.value) THEN toString(toInteger(b.value)) ELSE toString(b.value) END AS vb
  RETURN 1 AS rank, '目标表述不一致' AS kind,
         i.id + ' ' + i.name + ' ' + toString(a.year) + '年' + coalesce(' ' + a.town, '') AS subject,
         a.text AS statementA, b.text AS statementB, sa.ref AS clauseA, sb.ref AS clauseB,
         CASE WHEN coalesce(a.value, -1.0) <> coalesce(b.value, -1.0)
              THEN '数值不同：' + coalesce(va, '（文字）') + ' / ' + coalesce(vb, '（文字）')
              ELSE '比较符不同：' + coalesce(a.comparator, '无') + ' / ' + coalesce(b.comparator, '无') END AS note
  UNION ALL
  // 2. Additive 附件3 indicators whose towns do not add up to the city total.
  MATCH (i:Indicator {origin: '附件3'})-[:HAS_TARGET]->(c:Target)
  WHERE i.additive AND c.town IS NULL AND c.primary AND c.value IS NOT NULL
  MATCH (i)-[:HAS_TARGET]->(t:Target)
  WHERE t.town IS NOT NULL AND t.primary AND t.year = c.year
  WITH i, c, round(sum(t.value), 6) AS townSum
  WHERE townSum <> c.value
  OPTIONAL MATCH (c)-[:STATED_IN]->(s:Source)
  WITH i, c, s, townSum, round(townSum - c.value, 6) AS diff
  RETURN 2 AS rank, '镇街合计与全市不符' AS kind, i.id + ' ' + i.name + '（' + i.unit + '）' AS subject,
         '全市 ' + c.text AS statementA,
         '各镇（街道）合计 ' + CASE WHEN townSum = toInteger(townSum) THEN toString(toInteger(townSum)) ELSE toString(townSum) END AS statementB,
         s.ref AS clauseA, s.ref AS clauseB,
         '差额（合计−全市）' + CASE WHEN diff = toInteger(diff) THEN toString(toInteger(diff)) ELSE toString(diff) END AS note
  UNION ALL
  // 3a. Section titles printed differently as 附件2 group headings.
  MATCH (sec:Section)
  WHERE sec.annexTitle IS NOT NULL AND sec.annexTitle <> ''
  OPTIONAL MATCH (sec)-[:STATED_IN]->(s:Source)
  OPTIONAL MATCH (g:Source)
  WHERE g.part = '附件2' AND g.id STARTS WITH 'A2-G' AND g.text CONTAINS sec.annexTitle
  RETURN 3 AS rank, '标题不一致' AS kind, sec.id + ' ' + sec.no + ' ' + sec.title AS subject,
         sec.title AS statementA, sec.annexTitle AS statementB, s.ref AS clauseA, g.ref AS clauseB,
         '正文章节标题与附件2分组标题不同' AS note
  UNION ALL
  // 3b. Measure titles printed differently in 附件2's 重点任务 column.
  MATCH (m:Measure)
  UNWIND coalesce(m.annexTitles, []) AS annexTitle
  OPTIONAL MATCH (m)-[:STATED_IN]->(s:Source)
  OPTIONAL MATCH (t:Task)-[:PART_OF]->(m)
  WHERE replace(coalesce(t.annexMeasureCell, ''), ' ', '') = annexTitle
  OPTIONAL MATCH (t)-[:STATED_IN]->(ts:Source)
  WITH m, annexTitle, s, min(ts.ref) AS annexRef
  RETURN 3 AS rank, '标题不一致' AS kind, m.id + ' ' + CASE WHEN m.no STARTS WITH '(' THEN m.no + ' ' ELSE m.no + '. ' END + m.title AS subject,
         m.title AS statementA, annexTitle AS statementB, s.ref AS clauseA, annexRef AS clauseB,
         '正文措施标题与附件2“重点任务”单元格不同' AS note
  UNION ALL
  // 4. A task printed in 附件2 below another measure's (merged) cell than the one its content belongs to.
  MATCH (t:Task)-[:PART_OF]->(m:Measure)
  WHERE coalesce(t.annexMeasureCell, '') = ''
  MATCH (above:Task)
  WHERE above.no < t.no AND coalesce(above.annexMeasureCell, '') <> ''
  WITH t, m, above ORDER BY above.no DESC
  WITH t, m, head(collect(above)) AS above
  MATCH (above)-[:PART_OF]->(am:Measure)
  WHERE am <> m
  OPTIONAL MATCH (m)-[:STATED_IN]->(ms:Source)
  OPTIONAL MATCH (t)-[:STATED_IN]->(ts:Source)
  RETURN 4 AS rank, '任务位置与措施不符' AS kind, t.name + ' ' + t.content AS subject,
         '属正文措施 ' + CASE WHEN m.no STARTS WITH '(' THEN m.no + ' ' ELSE m.no + '. ' END + m.title AS statementA,
         '附件2中排在“' + am.title + '”（措施' + am.no + '）之下' AS statementB, ms.ref AS clauseA, ts.ref AS clauseB,
         '按内容归入正文措施，不按附件2合并单元格的位置' AS note
  UNION ALL
  // 5. A clause of a 附件2 task that its main-text paragraph does not contain (spaces and full/half-width punctuation ignored).
  MATCH (t:Task)-[:PART_OF]->(m:Measure)-[:STATED_IN]->(ms:Source)
  OPTIONAL MATCH (t)-[:STATED_IN]->(ts:Source)
  WITH t, m, ms, ts,
       [[' ', ''], ['\u3000', ''], ['\n', ''], [',', '，'], ['(', '（'], [')', '）'], [';', '；'], [':', '：'], ['。', '，']] AS pairs
  WITH t, m, ms, ts,
       reduce(x = t.content, p IN pairs | replace(x, p[0], p[1])) AS annex,
       reduce(x = ms.text, p IN pairs | replace(x, p[0], p[1])) AS main
  UNWIND [c IN split(annex, '，') WHERE c <> '' AND NOT main CONTAINS c] AS clause
  RETURN 5 AS rank, '附件2与正文文字不同' AS kind, t.name + '（措施' + m.no + ' ' + m.title + '）' AS subject,
         '正文段落中无此分句' AS statementA, clause AS statementB, ms.ref AS clauseA, ts.ref AS clauseB,
         '附件2的分句与正文措施段落不一致（已忽略空格和全/半角标点）' AS note
  UNION ALL
  // 6. Department names that may denote one body (kept apart: the document does not say).
  MATCH (a:Department)-[x:MAY_BE_SAME_AS]->(b:Department)
  OPTIONAL MATCH (src:Source)
  WHERE src.id IN coalesce(x.sources, [])
  WITH a, b, x, src ORDER BY src.id
  WITH a, b, x, collect(src) AS sources
  WITH a, b, x, [s IN sources WHERE s.id = x.sources[0] | s.ref][0] AS first,
       [s IN sources WHERE s.id <> x.sources[0] | s.ref] AS rest
  RETURN 6 AS rank, '部门可能为同一机构' AS kind, a.name + ' / ' + b.name AS subject,
         a.name AS statementA, b.name AS statementB, first AS clauseA,
         reduce(acc = '', r IN rest | acc + CASE WHEN acc = '' THEN '' ELSE '、' END + r) AS clauseB, x.note AS note
}
WITH rank, kind, subject, statementA, statementB, clauseA, clauseB, note
WHERE $kind IS NULL OR kind = $kind
RETURN kind, subject, statementA, statementB, clauseA, clauseB, note
ORDER BY rank, subject, clauseB;
