package cn.clustergraph.console;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's saved queries, one list per signed-in user: saving a name again adds a new version (the old one is kept,
 * superseded), deleting adds a deleted version; nothing is overwritten. Every save and delete is audited.
 */
@Service
class SavedQueries {

    static final int MAX_NAME = 100;
    static final int MAX_PER_USER = 200;

    /** One saved query as the list shows it (its latest version). */
    record SavedQuery(String id, String name, String query, String params, int version, String savedAt) {
    }

    /** Body of a save: a name, the query text and its parameters as the JSON text typed in the console. */
    record SaveRequest(String name, String query, String params) {
    }

    private final Neo4jClient client;
    private final AuditService audit;
    private final ConsoleProperties settings;
    private final JsonMapper json;

    SavedQueries(Neo4jClient client, AuditService audit, ConsoleProperties settings, JsonMapper json) {
        this.client = client;
        this.audit = audit;
        this.settings = settings;
        this.json = json;
    }

    @Transactional(readOnly = true)
    List<SavedQuery> mine() {
        return list(CurrentUser.require().username());
    }

    @Transactional
    SavedQuery save(SaveRequest body) {
        UserAccount user = CurrentUser.require();
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw new BadRequestException("name", "name is required (请填写名称)");
        }
        String name = body.name().strip();
        if (name.length() > MAX_NAME) {
            throw new BadRequestException("name", "name must be at most " + MAX_NAME + " characters (名称最多 " + MAX_NAME + " 个字符)");
        }
        if (body.query() == null || body.query().isBlank()) {
            throw new BadRequestException("query", "query is required (请填写查询语句)");
        }
        if (body.query().length() > settings.maxQueryLength()) {
            throw new BadRequestException("query", "query must be at most " + settings.maxQueryLength() + " characters (查询语句过长)");
        }
        String params = body.params() == null || body.params().isBlank() ? "{}" : body.params().strip();
        try {
            if (!(json.readTree(params).isObject())) {
                throw new BadRequestException("params", "params must be a JSON object (参数须为 JSON 对象)");
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new BadRequestException("params", "params must be a JSON object (参数须为 JSON 对象)");
        }
        List<SavedQuery> existing = list(user.username());
        SavedQuery before = existing.stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
        if (before == null && existing.size() >= MAX_PER_USER) {
            throw new BadRequestException("name", "at most " + MAX_PER_USER + " saved queries per user (每人最多保存 " + MAX_PER_USER + " 条)");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("owner", user.username());
        p.put("name", name);
        p.put("query", body.query());
        p.put("params", params);
        write(p, false);
        SavedQuery after = list(user.username()).stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
        audit.record("console-query.save", List.of("User:" + user.username(), "SavedQuery:" + after.id()),
                before == null ? null : summary(before), summary(after));
        return after;
    }

    @Transactional
    void delete(String id) {
        UserAccount user = CurrentUser.require();
        SavedQuery q = list(user.username()).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No saved query " + id + " of yours (没有这条已保存的查询)"));
        Map<String, Object> p = new HashMap<>();
        p.put("owner", user.username());
        p.put("name", q.name());
        p.put("query", q.query());
        p.put("params", q.params());
        write(p, true);
        audit.record("console-query.delete", List.of("User:" + user.username(), "SavedQuery:" + q.id()), summary(q), null);
    }

    /** Appends a version of (owner, name): superseding the current one, deleted or not. */
    private void write(Map<String, Object> p, boolean deleted) {
        p.put("deleted", deleted);
        client.query("""
                OPTIONAL MATCH (prev:SavedQuery {owner: $owner, name: $name, current: true})
                WITH prev, coalesce(prev.version, 0) + 1 AS version
                CREATE (q:SavedQuery {id: randomUUID(), owner: $owner, name: $name, query: $query, params: $params,
                                      version: version, current: true, deleted: $deleted, savedAt: datetime()})
                FOREACH (x IN CASE WHEN prev IS NULL THEN [] ELSE [prev] END |
                  SET x.current = false
                  CREATE (q)-[:SUPERSEDES]->(x))""").bindAll(p).run();
    }

    private List<SavedQuery> list(String owner) {
        return client.query("""
                        MATCH (q:SavedQuery {owner: $owner, current: true}) WHERE NOT q.deleted
                        RETURN q.id AS id, q.name AS name, q.query AS query, q.params AS params, q.version AS version,
                               q.savedAt AS savedAt
                        ORDER BY q.name""")
                .bind(owner).to("owner").fetch().all().stream()
                .map(r -> new SavedQuery((String) r.get("id"), (String) r.get("name"), (String) r.get("query"),
                        (String) r.get("params"), ((Number) r.get("version")).intValue(), savedAt(r.get("savedAt"))))
                .toList();
    }

    private static String savedAt(Object v) {
        return v instanceof ZonedDateTime z ? z.toOffsetDateTime().toString() : String.valueOf(v);
    }

    private static String summary(SavedQuery q) {
        return q.name() + " v" + q.version() + ": " + q.query();
    }
}
