package cn.clustergraph.audit;

import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.web.ConflictException;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.PatternElement;
import org.neo4j.cypherdsl.core.StatementBuilder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one versioning rule of writes by people (plans, key-enterprise lists, reports, 配合情况, actuals), so no feature holds
 * its own copy: writing the next version, and reading the current one or the one current as of a moment (also as Cypher
 * fragments, for reads that apply the rule inside their own query).
 */
@Component
public class VersionedWrites {

    /**
     * One versioned thing: the label of its versions, the properties that identify it (a null value matches a version
     * without that property, e.g. a city-wide figure has no town) and the prefix of its versions' ids ({@code prefix/vN}).
     */
    public record Item(String label, Map<String, Object> key, String idPrefix) {
        public Item {
            key = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key));
        }
    }

    /**
     * A relationship from a new version to the node of {@code label} whose {@code property} is {@code value}; a required
     * link that finds no node writes nothing (the caller answers 404), an optional one is simply left out.
     */
    public record Link(String type, String label, String property, Object value, boolean required) {
        public static Link to(String type, String label, String property, Object value) {
            return new Link(type, label, property, value, true);
        }

        public static Link optional(String type, String label, String property, Object value) {
            return new Link(type, label, property, value, false);
        }
    }

    /** The properties of every version: its number (1, 2, …; higher is later) and whether it is the current one. */
    private static final String VERSION = "version";
    private static final String CURRENT = "current";

    /** Rendered statements by shape: the same few shapes are written thousands of times (the sample load), rendering once each. */
    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private final Neo4jClient client;

    VersionedWrites(Neo4jClient client) {
        this.client = client;
    }

    /**
     * Supersedes the current version of {@code item} and creates the next one with {@code props} (plus the key, the id,
     * {@code version}, {@code current: true}, a {@code SUPERSEDES} relationship to the old one and the links), in one
     * transaction. {@code expected} is the version the writer saw (0: none yet); null writes on top of whatever is
     * current (loaders). Throws {@link ConflictException} when another writer saved on top of the same version first;
     * empty when a required link's node does not exist (nothing written).
     *
     * @param serverTime a property set to the database's {@code datetime()} (null: none)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Optional<String> supersede(Item item, Integer expected, Map<String, Object> props, List<Link> links, String serverTime) {
        Map<String, Object> keyParams = new HashMap<>();
        ofItem(Cypher.node(item.label()).named("prev"), item, keyParams); // fills the key parameters the cached statement uses
        // one round trip: lock the current version (a concurrent writer waits at the SET until the first commits), unmark
        // it, then read the latest version — after the lock, so a version committed meanwhile by the other writer shows
        String lockCypher = RENDERED.computeIfAbsent("lock|" + shape(item), k -> {
            Node prev = Cypher.node(item.label()).named("prev");
            Node any = Cypher.node(item.label()).named("v");
            return CypherTemplate.render(Cypher.optionalMatch(prev)
                    .where(ofItem(prev, item, new HashMap<>()).and(isCurrent("prev")))
                    .set(prev.property(CURRENT).to(Cypher.literalFalse()))
                    .with(prev)
                    .optionalMatch(any).where(ofItem(any, item, new HashMap<>()))
                    .returning(prev.property(VERSION).as("found"), Cypher.elementId(prev).as("prev"),
                            Cypher.max(any.property(VERSION)).as("latest"))
                    .build());
        });
        Map<String, Object> locked = client.query(lockCypher).bindAll(keyParams).fetch().first().orElse(Map.of());
        int found = locked.get("found") instanceof Number n ? n.intValue() : 0;
        Number latest = (Number) locked.get("latest");
        if ((latest == null ? 0 : latest.intValue()) != found || expected != null && expected != found) {
            throw new ConflictException(item.label() + " " + item.key() + ": expected version " + (expected == null ? found : expected)
                    + ", found " + (latest == null ? 0 : latest.intValue()));
        }
        int version = found + 1;
        String id = item.idPrefix() + "/v" + version;

        Map<String, Object> params = new HashMap<>();
        Map<String, Object> all = new HashMap<>(props);
        item.key().forEach((k, v) -> {
            if (v != null) {
                all.put(k, v);
            }
        });
        all.put("id", id);
        all.put(VERSION, version);
        all.put(CURRENT, true);
        params.put("props", all);
        List<Link> required = links.stream().filter(Link::required).toList();
        for (int i = 0; i < required.size(); i++) {
            params.put("a" + i, required.get(i).value());
        }
        boolean hasPrev = locked.get("prev") != null;
        if (hasPrev) {
            params.put("prev", locked.get("prev"));
        }
        String createKey = "create|" + item.label() + "|" + required.stream().map(l -> l.type() + ">" + l.label() + "." + l.property()).toList()
                + "|" + serverTime + "|" + hasPrev;
        String cypher = RENDERED.computeIfAbsent(createKey, k -> renderCreate(item.label(), required, serverTime, hasPrev));
        Optional<String> created;
        try {
            created = client.query(cypher).bindAll(params).fetchAs(String.class).one();
        } catch (DataIntegrityViolationException e) {
            // a concurrent writer created the same version id (two first versions at once)
            throw new ConflictException(item.label() + " " + id + " was created concurrently");
        }
        if (created.isEmpty()) {
            if (hasPrev) {
                // nothing written: undo the unmarking (the caller's transaction would roll it back too)
                client.query("MATCH (prev) WHERE elementId(prev) = $prev SET prev.current = true").bind(locked.get("prev")).to("prev").run();
            }
            return Optional.empty();
        }
        for (Link l : links) {
            if (!l.required() && l.value() != null) {
                String link = RENDERED.computeIfAbsent("link|" + item.label() + "|" + l.type() + ">" + l.label() + "." + l.property(), k -> {
                    Node n = Cypher.node(item.label()).named("n").withProperties("id", Cypher.parameter("id"));
                    Node x = Cypher.node(l.label()).named("x").withProperties(l.property(), Cypher.parameter("value"));
                    return CypherTemplate.render(Cypher.match(n).match(x).create(n.relationshipTo(x, l.type())).build());
                });
                client.query(link).bindAll(Map.of("id", id, "value", l.value())).run();
            }
        }
        return created;
    }

    /** The statement creating the next version: {@code $props}, one MATCH per required link's node, and the old version when there is one. */
    private static String renderCreate(String label, List<Link> required, String serverTime, boolean hasPrev) {
        Node next = Cypher.node(label).named("n");
        List<Expression> sets = new ArrayList<>(List.of(Cypher.set(next.getRequiredSymbolicName(), Cypher.parameter("props"))));
        if (serverTime != null) {
            sets.add(next.property(serverTime).to(Cypher.datetime()));
        }
        List<PatternElement> toCreate = new ArrayList<>(List.of(next));
        // one MATCH per node (not one disconnected pattern): nothing to plan as a cartesian product
        StatementBuilder.OngoingReadingWithoutWhere read = null;
        for (int i = 0; i < required.size(); i++) {
            Link l = required.get(i);
            Node anchor = Cypher.node(l.label()).named("a" + i).withProperties(l.property(), Cypher.parameter("a" + i));
            read = read == null ? Cypher.match(anchor) : read.match(anchor);
            toCreate.add(next.relationshipTo(anchor, l.type()));
        }
        StatementBuilder.OngoingUpdate create;
        if (hasPrev) {
            Node old = Cypher.node(label).named("prev");
            toCreate.add(next.relationshipTo(old, "SUPERSEDES"));
            create = (read == null ? Cypher.match(old) : read.match(old)).where(Cypher.elementId(old).isEqualTo(Cypher.parameter("prev")))
                    .create(toCreate);
        } else {
            create = read == null ? Cypher.create(toCreate) : read.create(toCreate);
        }
        return CypherTemplate.render(create.set(sets).returning(next.property("id").as("id")).build());
    }

    /** What a rendered statement about {@code item} depends on: its label and which key properties are given or null. */
    private static String shape(Item item) {
        StringBuilder b = new StringBuilder(item.label());
        item.key().forEach((k, v) -> b.append('|').append(k).append(v == null ? "=null" : "=$"));
        return b.toString();
    }

    /**
     * The version of {@code item} that was current just before {@code before}: the latest recorded before it (its
     * {@code timeProperty}). Built from the same fragments ({@link #recordedBefore}, {@link #latestFirst}) as the hot reads
     * that apply the rule inside their own single query (the tracking board's reports and figures), so the two cannot
     * disagree; it has no production caller of its own — {@code VersionedWritesIT} uses it as the oracle for the board.
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> asOf(Item item, String timeProperty, ZonedDateTime before) {
        Map<String, Object> params = new HashMap<>();
        ofItem(Cypher.node(item.label()).named("v"), item, params); // fills the key parameters the cached statement uses
        params.put(BEFORE, before);
        String cypher = RENDERED.computeIfAbsent("asOf|" + shape(item) + "|" + timeProperty, k -> {
            Node v = Cypher.node(item.label()).named("v");
            return CypherTemplate.render(Cypher.match(v)
                    .where(ofItem(v, item, new HashMap<>()).and(recordedBefore("v", timeProperty)))
                    .returning(v.project(Cypher.asterisk()).as("v"))
                    .orderBy(latestFirst("v")).limit(1).build());
        });
        return client.query(cypher).bindAll(params).fetch().first().map(r -> VersionedWrites.<Map<String, Object>>cast(r.get("v")));
    }

    /** The current version of {@code item}, if any. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> current(Item item) {
        Map<String, Object> params = new HashMap<>();
        ofItem(Cypher.node(item.label()).named("v"), item, params); // fills the key parameters the cached statement uses
        String cypher = RENDERED.computeIfAbsent("current|" + shape(item), k -> {
            Node v = Cypher.node(item.label()).named("v");
            return CypherTemplate.render(Cypher.match(v).where(ofItem(v, item, new HashMap<>()).and(isCurrent("v")))
                    .returning(v.project(Cypher.asterisk()).as("v")).build());
        });
        return client.query(cypher).bindAll(params).fetch().first().map(r -> VersionedWrites.<Map<String, Object>>cast(r.get("v")));
    }

    /*
     * The read side of the rule as Cypher fragments over a version's variable, for the $E slots of a CypherTemplate (or a
     * Cypher-DSL statement): the hot reads (tracking.TrackingService) apply them inside their own single query, asOf and
     * current above are built from them.
     */

    /** The parameter holding the exclusive upper bound of an as-of read: {@code $before}. */
    public static final String BEFORE = "before";

    /** Version {@code v} was recorded before {@code $before} (its {@code timeProperty}, e.g. {@code recordedAt}): it counts for an as-of read. */
    public static Condition recordedBefore(String v, String timeProperty) {
        return Cypher.property(v, timeProperty).lt(Cypher.parameter(BEFORE));
    }

    /**
     * The order "latest version first" of {@code v}, for an {@code ORDER BY}: among the versions of one thing recorded
     * before {@code $before}, the first is the one current as of then.
     */
    public static Expression latestFirst(String v) {
        return Cypher.raw("$E DESC", Cypher.property(v, VERSION));
    }

    /** Version {@code v} is the current one of its thing. */
    public static Condition isCurrent(String v) {
        return Cypher.property(v, CURRENT).isTrue();
    }

    /** The condition "a version of this item" on {@code node}: each key a parameter, a null key as a missing property. */
    static Condition ofItem(Node node, Item item, Map<String, Object> params) {
        Condition c = Cypher.noCondition();
        int i = 0;
        for (Map.Entry<String, Object> k : item.key().entrySet()) {
            if (k.getValue() == null) {
                c = c.and(node.property(k.getKey()).isNull());
            } else {
                String name = "k" + i++;
                params.put(name, k.getValue());
                c = c.and(node.property(k.getKey()).isEqualTo(Cypher.parameter(name)));
            }
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
