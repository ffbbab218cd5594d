package cn.clustergraph.search;

import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.search.SearchRecords.Hit;
import cn.clustergraph.search.SearchRecords.Result;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.Paging;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One search over every kind: exact names, ids and aliases first (so 经信局 → 市经信局, 人社局 → 市人力社保局, C3 →
 * C3及关联产品), then the cjk full-text index {@code name_search} (names, aliases, task content).
 */
@Service
public class SearchService {

    static final Set<String> KINDS = Set.of("Department", "Task", "Indicator", "Cluster", "Chain", "Segment", "Enterprise", "Platform",
            "Institute", "Town", "Measure", "Section");

    private static final String SEARCH = """
            CALL () {
              MATCH (n:Department) WHERE n.name = $q OR $q IN coalesce(n.aliases, []) RETURN n, 1.0e3 AS score
              UNION MATCH (n:Town) WHERE n.name = $q OR $q IN coalesce(n.aliases, []) RETURN n, 1.0e3 AS score
              UNION MATCH (n:Chain) WHERE n.name = $q OR $q IN coalesce(n.aliases, []) OR toLower(n.nameEn) = toLower($q) RETURN n, 1.0e3 AS score
              UNION MATCH (n:Cluster) WHERE n.name = $q OR toLower(n.nameEn) = toLower($q) RETURN n, 1.0e3 AS score
              UNION MATCH (n:Segment) WHERE n.id = $q OR n.name = $q OR $q IN coalesce(n.aliases, []) RETURN n, 1.0e3 AS score
              UNION MATCH (n:Platform) WHERE n.id = $q OR n.name = $q OR $q IN coalesce(n.aliases, []) RETURN n, 1.0e3 AS score
              UNION MATCH (n:Institute) WHERE n.id = $q OR n.name = $q OR $q IN coalesce(n.aliases, []) RETURN n, 1.0e3 AS score
              UNION MATCH (n:Indicator) WHERE n.id = $q OR n.name = $q RETURN n, 1.0e3 AS score
              UNION MATCH (n:Task) WHERE n.name = $q OR toString(n.no) = $q RETURN n, 1.0e3 AS score
              UNION MATCH (n:Enterprise {id: $q}) RETURN n, 1.0e3 AS score
              UNION MATCH (n:Enterprise {name: $q}) RETURN n, 1.0e3 AS score
              UNION CALL db.index.fulltext.queryNodes('name_search', $lucene, {limit: 200}) YIELD node, score RETURN node AS n, score
            }
            WITH n, max(score) AS score
            WITH n, score, labels(n)[0] AS kind,
                 coalesce(n.name, n.title, toString(n.no)) AS name,
                 CASE WHEN n:Task THEN toString(n.no) ELSE coalesce(n.id, n.name) END AS id,
                 coalesce(n.aliases, []) AS aliases
            WHERE ($kind IS NULL OR kind = $kind)
            WITH n, kind, id, name, score, aliases,
                 CASE
                   WHEN name = $q THEN 0
                   WHEN id = $q THEN 1
                   WHEN $q IN aliases THEN 2
                   WHEN toLower(coalesce(n.nameEn, '')) = toLower($q) THEN 3
                   WHEN name CONTAINS $q THEN 4
                   WHEN any(a IN aliases WHERE a CONTAINS $q) THEN 5
                   WHEN coalesce(n.content, '') CONTAINS $q THEN 6
                   ELSE 7
                 END AS how
            ORDER BY [0, 0, 1, 0, 2, 2, 3, 4][how], score DESC, CASE kind WHEN 'Department' THEN 0 WHEN 'Chain' THEN 1 WHEN 'Cluster' THEN 2 WHEN 'Segment' THEN 3
                     WHEN 'Town' THEN 4 WHEN 'Platform' THEN 5 WHEN 'Institute' THEN 6 WHEN 'Indicator' THEN 7 WHEN 'Enterprise' THEN 8
                     ELSE 9 END, name
            LIMIT $limit
            // the match reasons only for the rows returned
            WITH n, kind, id, name, score, how, head([a IN aliases WHERE a CONTAINS $q]) AS alias
            WITH n, kind, id, name, score, CASE how
                   WHEN 0 THEN ['name', 0, 'name = ' + $q, 'name', {q: $q}]
                   WHEN 1 THEN ['id', 0, 'id = ' + $q, 'id', {q: $q}]
                   WHEN 2 THEN ['alias', 1, 'alias ' + $q + ' → ' + name, 'alias', {q: $q, name: name}]
                   WHEN 3 THEN ['name', 0, 'English name = ' + n.nameEn, 'nameEn', {q: $q, nameEn: n.nameEn}]
                   WHEN 4 THEN ['contains', 2, 'name contains ' + $q, 'nameContains', {q: $q}]
                   WHEN 5 THEN ['contains', 2, 'alias ' + alias + ' contains ' + $q, 'aliasContains', {q: $q, alias: alias}]
                   WHEN 6 THEN ['contains', 3, 'content contains ' + $q, 'contentContains', {q: $q}]
                   ELSE ['full-text', 4, 'full-text (cjk bigrams) on name, aliases or content', 'fullText', {q: $q}]
                 END AS m
            RETURN collect({kind: kind, id: id, name: name, matched: m[0], why: m[2], reason: m[3], reasonParams: m[4], score: CASE WHEN score >= 1.0e3 THEN 100.0 ELSE score END,
                    assumed: coalesce(n.assumed, false), sample: coalesce(n.sample, false)}) AS items""";

    private final ReadQueries reads;
    private final JsonMapper json;
    private final DataNotices notices;

    SearchService(ReadQueries reads, JsonMapper json, DataNotices notices) {
        this.reads = reads;
        this.json = json;
        this.notices = notices;
    }

    public Result search(String q, String kind, Integer size) {
        if (q == null || q.isBlank()) {
            throw new BadRequestException("q", "缺少要检索的文字 q", "q (the text to search for) is required");
        }
        if (kind != null && !kind.isBlank() && !KINDS.contains(kind)) {
            throw new BadRequestException("kind", "kind 须为 " + KINDS + " 之一", "kind must be one of " + KINDS);
        }
        int limit = size == null ? 20 : Paging.checkSize(Math.max(1, size), 50);
        String text = q.strip();
        Map<String, Object> params = new HashMap<>();
        params.put("q", text);
        params.put("lucene", Lucene.escape(text));
        params.put("kind", kind == null || kind.isBlank() ? null : kind);
        params.put("limit", limit);
        Map<String, Object> row = reads.one(SEARCH, params).orElseThrow();
        List<Hit> hits = json.convertValue(row.get("items"), new TypeReference<>() {
        });
        return new Result(text, hits, notices.of(hits.stream().anyMatch(Hit::sample)));
    }
}
