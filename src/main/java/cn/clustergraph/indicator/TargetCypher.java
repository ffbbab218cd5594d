package cn.clustergraph.indicator;

import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.rollup.RollupNames;
import org.neo4j.cypherdsl.core.Cypher;

import static cn.clustergraph.neo4j.CypherTemplate.property;

/** Cypher fragments shared by the target and chain read models. */
public final class TargetCypher {

    private TargetCypher() {
    }

    /**
     * With {@code i} (Indicator) and {@code t} (Target) bound, yields {@code progress} (a map shaped like
     * {@link TargetRecords.Progress}, or null when no rule measures {@code i}). Output rules read the segment → programme
     * rollups, honour counts the honour rollups (per award year, and per town for 附件3's town targets). Each stored array
     * is read once into a variable: {@code h.rollupYears[k]} inside a loop would read and decode the whole array again per element.
     * Which entries count is {@link TargetFeeds#awardCounts}, evaluated once per entry ({@code hok}, {@code htok}).
     */
    public static final String PROGRESS = CypherTemplate.render("""
            CALL (i, t) {
              OPTIONAL MATCH (i)-[so:SUMS_OUTPUT_OF]->(x)
              OPTIONAL MATCH (i)-[ch:COUNTS_HONOUR]->(h:Honour)
              WITH i, t, so, x, ch, h, $E AS factor, coalesce($E, []) AS xy, coalesce($E, []) AS hy,
                   $E AS hc, CASE WHEN t.town IS NULL THEN [] ELSE coalesce($E, []) END AS htw,
                   CASE WHEN t.town IS NULL THEN null ELSE $E END AS hty,
                   CASE WHEN t.town IS NULL THEN null ELSE $E END AS htc
              WITH i, t, so, x, ch, h, factor, hy, hc, htw, hty, htc, [k IN range(0, size(xy) - 1) WHERE xy[k] = t.year][0] AS yi,
                   [k IN range(0, size(hy) - 1) | $E] AS hok, [k IN range(0, size(coalesce(hty, [])) - 1) | $E] AS htok
              WITH t, CASE
                WHEN x IS NOT NULL AND t.town IS NULL THEN {
                  rule: 'sums-output-of', scope: labels(x)[0], scopeName: coalesce(x.name, x.id), assumed: so.assumed,
                  scaleOnly: so.scaleOnly, fromYear: null,
                  current: (CASE WHEN so.scaleOnly THEN $E ELSE $E END) / factor,
                  asOfYear: $E,
                  forYear: CASE WHEN yi IS NULL THEN null
                                ELSE (CASE WHEN so.scaleOnly THEN $E ELSE $E END)[yi] / factor END,
                  contributors: CASE WHEN so.scaleOnly THEN $E ELSE $E END,
                  sample: coalesce($E, 0) > 0 }
                WHEN h IS NOT NULL AND t.town IS NULL THEN {
                  rule: 'counts-honour', scope: 'Honour', scopeName: h.name, assumed: ch.assumed, scaleOnly: false, fromYear: ch.fromYear,
                  current: toFloat(reduce(n = 0, k IN range(0, size(hy) - 1) | n + CASE
                      WHEN hok[k]
                       AND (coalesce(t.period, '') <> '年度' OR hy[k] = t.year) THEN hc[k] ELSE 0 END)),
                  asOfYear: null,
                  forYear: toFloat(reduce(n = 0, k IN range(0, size(hy) - 1) | n + CASE
                      WHEN hok[k] AND hy[k] <= t.year
                       AND (coalesce(t.period, '') <> '年度' OR hy[k] = t.year) THEN hc[k] ELSE 0 END)),
                  contributors: reduce(n = 0, k IN range(0, size(hy) - 1) | n + CASE
                      WHEN hok[k]
                       AND (coalesce(t.period, '') <> '年度' OR hy[k] = t.year) THEN hc[k] ELSE 0 END),
                  sample: coalesce($E, 0) > 0 }
                WHEN h IS NOT NULL THEN {
                  rule: 'counts-honour', scope: 'Honour', scopeName: h.name + ' @ ' + t.town, assumed: ch.assumed, scaleOnly: false,
                  fromYear: ch.fromYear,
                  current: toFloat(reduce(n = 0, k IN range(0, size(htw) - 1) | n + CASE
                      WHEN htw[k] = t.town AND htok[k]
                       AND (coalesce(t.period, '') <> '年度' OR hty[k] = t.year) THEN htc[k] ELSE 0 END)),
                  asOfYear: null,
                  forYear: toFloat(reduce(n = 0, k IN range(0, size(htw) - 1) | n + CASE
                      WHEN htw[k] = t.town AND htok[k]
                       AND hty[k] <= t.year
                       AND (coalesce(t.period, '') <> '年度' OR hty[k] = t.year) THEN htc[k] ELSE 0 END)),
                  contributors: reduce(n = 0, k IN range(0, size(htw) - 1) | n + CASE
                      WHEN htw[k] = t.town AND htok[k]
                       AND (coalesce(t.period, '') <> '年度' OR hty[k] = t.year) THEN htc[k] ELSE 0 END),
                  sample: coalesce($E, 0) > 0 }
                ELSE null END AS p
              RETURN CASE WHEN p IS NULL THEN null ELSE p {.*,
                ratio: CASE WHEN t.value IS NULL OR t.value = 0 THEN null ELSE p.current / t.value END,
                met: CASE WHEN t.value IS NULL THEN null
                          WHEN t.comparator IN ['>=', '='] THEN p.current >= t.value
                          WHEN t.comparator = '>' THEN p.current > t.value
                          WHEN t.comparator = '<=' THEN p.current <= t.value
                          WHEN t.comparator = '<' THEN p.current < t.value END } END AS progress
            }""",
            TargetFeeds.factor(), property("x", RollupNames.YEARS), property("h", RollupNames.YEARS),
            property("h", RollupNames.COUNTS), property("h", RollupNames.TOWNS), property("h", RollupNames.TOWN_YEARS),
            property("h", RollupNames.TOWN_COUNTS), TargetFeeds.awardCounts("ch", "hy[k]"), TargetFeeds.awardCounts("ch", "hty[k]"),
            property("x", RollupNames.SCALE_OUTPUT), property("x", RollupNames.OUTPUT),
            property("x", RollupNames.OUTPUT_YEAR), property("x", RollupNames.SCALE_OUTPUT_BY_YEAR),
            property("x", RollupNames.OUTPUT_BY_YEAR), property("x", RollupNames.SCALE_REPORTING),
            property("x", RollupNames.LOCAL_REPORTING), property("x", RollupNames.SAMPLE), property("h", RollupNames.SAMPLE),
            property("h", RollupNames.SAMPLE));

    /** The target item map, with {@code i}, {@code t} and {@code progress} bound. */
    public static final String ITEM = """
            {id: t.id, indicatorId: i.id, indicatorName: i.name, unit: i.unit, origin: i.origin, year: t.year, town: t.town,
             value: t.value, comparator: t.comparator, qualifier: t.qualifier, period: t.period, primary: t.primary, text: t.text,
             stated: t.stated, sample: coalesce(t.sample, false), dataset: t.dataset, progress: progress}""";
}
