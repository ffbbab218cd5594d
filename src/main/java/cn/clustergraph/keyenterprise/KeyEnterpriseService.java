package cn.clustergraph.keyenterprise;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.audit.VersionedWrites;
import cn.clustergraph.keyenterprise.KeyEnterpriseLists.ChainList;
import cn.clustergraph.keyenterprise.KeyEnterpriseLists.Entry;
import cn.clustergraph.keyenterprise.KeyEnterpriseLists.ListRequest;
import cn.clustergraph.keyenterprise.KeyEnterpriseLists.ListVersion;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A chain's 重点企业清单, kept by its chain office: each PUT is a new version superseding the previous one (never
 * overwritten); only users bound to the chain or the coordinator may write ({@link Scopes}); every version is audited.
 */
@Service
class KeyEnterpriseService {

    static final int MAX_ENTRIES = 500;

    private final Neo4jClient client;
    private final Scopes scopes;
    private final AuditService audit;
    private final VersionedWrites versioned;

    KeyEnterpriseService(Neo4jClient client, Scopes scopes, AuditService audit, VersionedWrites versioned) {
        this.client = client;
        this.versioned = versioned;
        this.scopes = scopes;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    ChainList list(String key) {
        String chain = chain(key);
        boolean canEdit = CurrentUser.get().map(u -> scopes.canWriteChain(u, chain)).orElse(false);
        List<ListVersion> all = versions(chain);
        return new ChainList(chain, canEdit, all.stream().filter(ListVersion::current).findFirst().orElse(null), all);
    }

    @Transactional
    ListVersion put(String key, ListRequest body) {
        UserAccount user = CurrentUser.require();
        String chain = chain(key);
        scopes.requireChain(user, chain);
        List<String> ids = validate(body);
        ListVersion before = versions(chain).stream().filter(ListVersion::current).findFirst().orElse(null);
        Map<String, Object> p = new HashMap<>();
        p.put("note", body.note() == null || body.note().isBlank() ? null : body.note().strip());
        p.put("createdBy", user.username());
        String id = versioned.supersede(new VersionedWrites.Item("KeyEnterpriseList", Map.of("chain", chain), chain),
                        before == null ? 0 : before.version(), p, List.of(VersionedWrites.Link.to("FOR_CHAIN", "Chain", "name", chain)),
                        "createdAt")
                .orElseThrow(() -> new NotFoundException("No chain named '" + key + "'"));
        client.query("""
                        MATCH (l:KeyEnterpriseList {id: $id})
                        UNWIND range(0, size($ids) - 1) AS i
                        MATCH (e:Enterprise {id: $ids[i]})
                        CREATE (l)-[:LISTS {order: i + 1}]->(e)""")
                .bindAll(Map.of("id", id, "ids", ids)).run();
        ListVersion after = versions(chain).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        audit.record("key-enterprises.write", List.of("Chain:" + chain, "KeyEnterpriseList:" + id),
                before == null ? null : summary(before), summary(after));
        return after;
    }

    private String chain(String key) {
        return client.query("MATCH (c:Chain) WHERE c.name = $name OR $name IN coalesce(c.aliases, []) RETURN c.name AS name")
                .bind(key).to("name").fetchAs(String.class).first()
                .orElseThrow(() -> new NotFoundException("No chain named '" + key + "'"));
    }

    @SuppressWarnings("unchecked")
    private List<String> validate(ListRequest body) {
        if (body == null || body.enterprises() == null) {
            throw new BadRequestException("enterprises", "enterprises (a list of enterprise ids) is required; [] empties the list");
        }
        if (body.enterprises().size() > MAX_ENTRIES) {
            throw new BadRequestException("enterprises", "at most " + MAX_ENTRIES + " enterprises");
        }
        if (body.note() != null && body.note().length() > 2000) {
            throw new BadRequestException("note", "note must be at most 2000 characters");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < body.enterprises().size(); i++) {
            String id = body.enterprises().get(i);
            if (id == null || id.isBlank()) {
                throw new BadRequestException("enterprises[" + i + "]", "enterprise id " + (i + 1) + " is empty");
            }
            ids.add(id.strip());
        }
        List<String> list = new ArrayList<>(ids);
        List<String> unknown = (List<String>) client.query("""
                        UNWIND $ids AS id
                        OPTIONAL MATCH (e:Enterprise {id: id})
                        WITH id, e WHERE e IS NULL
                        RETURN collect(id) AS unknown""")
                .bind(list).to("ids").fetch().one().map(r -> r.get("unknown")).orElse(List.of());
        if (!unknown.isEmpty()) {
            throw new BadRequestException("enterprises[" + list.indexOf(unknown.get(0)) + "]",
                    "no enterprise with id " + String.join(", ", unknown));
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private List<ListVersion> versions(String chain) {
        return client.query("""
                        MATCH (l:KeyEnterpriseList {chain: $chain})
                        RETURN l {.*, enterprises: COLLECT { MATCH (l)-[r:LISTS]->(e:Enterprise)
                                                            RETURN e {.id, .name, .local, .sample} ORDER BY r.order }} AS l
                        ORDER BY l.version DESC""")
                .bind(chain).to("chain").fetch().all().stream().map(r -> {
                    Map<String, Object> v = (Map<String, Object>) r.get("l");
                    List<Entry> entries = ((List<Map<String, Object>>) v.get("enterprises")).stream()
                            .map(e -> new Entry((String) e.get("id"), (String) e.get("name"), (Boolean) e.get("local"),
                                    (Boolean) e.get("sample"))).toList();
                    Object at = v.get("createdAt");
                    return new ListVersion((String) v.get("id"), chain, ((Number) v.get("version")).intValue(),
                            Boolean.TRUE.equals(v.get("current")), (String) v.get("note"),
                            at instanceof ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) null, (String) v.get("createdBy"), entries);
                }).toList();
    }

    private static String summary(ListVersion v) {
        return "v" + v.version() + ": " + v.enterprises().size() + " enterprises "
                + v.enterprises().stream().limit(20).map(Entry::id).toList() + (v.note() != null ? " note=" + v.note() : "");
    }
}
