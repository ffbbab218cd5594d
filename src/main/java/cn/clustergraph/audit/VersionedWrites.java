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

/** The one versioning rule of writes by people (plans, key-enterprise lists, reports, 配合情况, actuals), so no feature holds its own copy. */
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
        Node prev = Cypher.node(item.label()).named("prev");
        Condition ofItem = ofItem(prev, item, keyParams);
        // lock the current version (a concurrent writer waits here until the first commits) and unmark it
        Map<String, Object> locked = client.query(CypherTemplate.render(Cypher.optionalMatch(prev)
                        .where(ofItem.and(prev.property("current").isTrue()))
                        .set(prev.property("current").to(Cypher.literalFalse()))
                        .returning(prev.property("version").as("found"), Cypher.elementId(prev).as("prev"))
                        .build()))
                .bindAll(keyParams).fetch().first().orElse(Map.of());
        int found = locked.get("found") instanceof Number n ? n.intValue() : 0;
        // read after the lock: a version committed meanwhile by the other writer shows here
        Node any = Cypher.node(item.label()).named("v");
        Number latest = (Number) client.query(CypherTemplate.render(Cypher.match(any).where(ofItem(any, item, new HashMap<>()))
                        .returning(Cypher.max(any.property("version")).as("latest")).build()))
                .bindAll(keyParams).fetch().one().map(r -> r.get("latest")).orElse(null);
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
        all.put("version", version);
        all.put("current", true);
        params.put("props", all);
        Node next = Cypher.node(item.label()).named("n");
        List<Node> anchors = new ArrayList<>();
        List<Link> required = links.stream().filter(Link::required).toList();
        for (int i = 0; i < required.size(); i++) {
            Link l = required.get(i);
            anchors.add(Cypher.node(l.label()).named("a" + i).withProperties(l.property(), Cypher.parameter("a" + i)));
            params.put("a" + i, l.value());
        }
        List<Expression> sets = new ArrayList<>(List.of(Cypher.set(next.getRequiredSymbolicName(), Cypher.parameter("props"))));
        if (serverTime != null) {
            sets.add(next.property(serverTime).to(Cypher.datetime()));
        }
        List<PatternElement> toCreate = new ArrayList<>(List.of(next));
        // one MATCH per node (not one disconnected pattern): nothing to plan as a cartesian product
        StatementBuilder.OngoingReadingWithoutWhere read = null;
        for (int i = 0; i < anchors.size(); i++) {
            read = read == null ? Cypher.match(anchors.get(i)) : read.match(anchors.get(i));
            toCreate.add(next.relationshipTo(anchors.get(i), required.get(i).type()));
        }
        StatementBuilder.OngoingUpdate create;
        if (locked.get("prev") != null) {
            Node old = Cypher.node(item.label()).named("prev");
            params.put("prev", locked.get("prev"));
            toCreate.add(next.relationshipTo(old, "SUPERSEDES"));
            create = (read == null ? Cypher.match(old) : read.match(old)).where(Cypher.elementId(old).isEqualTo(Cypher.parameter("prev")))
                    .create(toCreate);
        } else {
            create = read == null ? Cypher.create(toCreate) : read.create(toCreate);
        }
        String cypher = CypherTemplate.render(create.set(sets).returning(next.property("id").as("id")).build());
        Optional<String> created;
        try {
            created = client.query(cypher).bindAll(params).fetchAs(String.class).one();
        } catch (DataIntegrityViolationException e) {
            // a concurrent writer created the same version id (two first versions at once)
            throw new ConflictException(item.label() + " " + id + " was created concurrently");
        }
        if (created.isEmpty()) {
            if (locked.get("prev") != null) {
                // nothing written: undo the unmarking (the caller's transaction would roll it back too)
                client.query("MATCH (prev) WHERE elementId(prev) = $prev SET prev.current = true").bind(locked.get("prev")).to("prev").run();
            }
            return Optional.empty();
        }
        for (Link l : links) {
            if (!l.required() && l.value() != null) {
                Node n = Cypher.node(item.label()).named("n").withProperties("id", Cypher.parameter("id"));
                Node x = Cypher.node(l.label()).named("x").withProperties(l.property(), Cypher.parameter("value"));
                client.query(CypherTemplate.render(Cypher.match(n).match(x).create(n.relationshipTo(x, l.type())).build()))
                        .bindAll(Map.of("id", id, "value", l.value())).run();
            }
        }
        return created;
    }

    /** The version of {@code item} that was current just before {@code before}: the latest recorded before it (its {@code timeProperty}). */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> asOf(Item item, String timeProperty, ZonedDateTime before) {
        Map<String, Object> params = new HashMap<>();
        Node v = Cypher.node(item.label()).named("v");
        params.put("before", before);
        return client.query(CypherTemplate.render(Cypher.match(v)
                        .where(ofItem(v, item, params).and(v.property(timeProperty).lt(Cypher.parameter("before"))))
                        .returning(v.project(Cypher.asterisk()).as("v"))
                        .orderBy(v.property("version").descending()).limit(1).build()))
                .bindAll(params).fetch().first().map(r -> VersionedWrites.<Map<String, Object>>cast(r.get("v")));
    }

    /** The current version of {@code item}, if any. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> current(Item item) {
        Map<String, Object> params = new HashMap<>();
        Node v = Cypher.node(item.label()).named("v");
        return client.query(CypherTemplate.render(Cypher.match(v).where(ofItem(v, item, params).and(v.property("current").isTrue()))
                        .returning(v.project(Cypher.asterisk()).as("v")).build()))
                .bindAll(params).fetch().first().map(r -> VersionedWrites.<Map<String, Object>>cast(r.get("v")));
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
