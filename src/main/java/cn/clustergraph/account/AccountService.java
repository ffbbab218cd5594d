package cn.clustergraph.account;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The people who sign in: {@code User} nodes with a delegating-encoder password hash, roles and scope bindings
 * ({@code MEMBER_OF} a department, {@code FOR_TOWN}, {@code FOR_CHAIN}); failed sign-ins and lockouts. Every change is
 * audited; a password is never stored, logged or returned in clear.
 */
@Service
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,64}");
    static final int MIN_PASSWORD = 8;

    private final Neo4jClient client;
    private final AuditService audit;
    /** Accounts read by recent requests; cleared by every write of this class. */
    private final ShortCache<String, UserAccount> recent = new ShortCache<>(Duration.ofSeconds(5));
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    AccountService(Neo4jClient client, AuditService audit) {
        this.client = client;
        this.audit = audit;
    }

    /** What a user asks to be: roles and bindings (names may be aliases, e.g. 经信局). */
    public record Profile(String displayName, Set<Role> roles, String department, String town, List<String> chains) {
    }

    /** A user with the secrets sign-in needs (never leaves this package). */
    record Stored(UserAccount account, String passwordHash, Instant lockedUntil, long failedSignIns) {
    }

    private static final String READ = """
            MATCH (u:User {username: $username})
            RETURN u {.*, department: head(COLLECT { MATCH (u)-[:MEMBER_OF]->(d:Department) RETURN d.name }),
                          town: head(COLLECT { MATCH (u)-[:FOR_TOWN]->(t:Town) RETURN t.name }),
                          chains: COLLECT { MATCH (u)-[:FOR_CHAIN]->(c:Chain) RETURN c.name ORDER BY c.name }} AS u""";

    /** The account by name (kept a few seconds: every authenticated request asks; no transaction of its own). */
    public Optional<UserAccount> find(String username) {
        return username == null ? Optional.empty() : recent.get(username, u -> stored(u).map(Stored::account));
    }

    @Transactional(readOnly = true)
    Optional<Stored> stored(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return client.query(READ).bind(username).to("username").fetch().one().map(r -> stored(map(r.get("u"))));
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return client.query("""
                        MATCH (u:User)
                        RETURN u {.*, department: head(COLLECT { MATCH (u)-[:MEMBER_OF]->(d:Department) RETURN d.name }),
                                      town: head(COLLECT { MATCH (u)-[:FOR_TOWN]->(t:Town) RETURN t.name }),
                                      chains: COLLECT { MATCH (u)-[:FOR_CHAIN]->(c:Chain) RETURN c.name ORDER BY c.name }} AS u
                        ORDER BY u.username""")
                .fetch().all().stream().map(r -> stored(map(r.get("u"))).account()).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return client.query("MATCH (u:User) RETURN count(u) AS n").fetchAs(Long.class).one().orElse(0L);
    }

    /** Creates a user; 400 naming the field for a bad name, password, role or binding; 409-like 400 when it exists. */
    @Transactional
    public UserAccount create(Actor by, String username, String password, Profile profile) {
        recent.clear();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new BadRequestException("username", "username must be 2–64 letters, digits or . _ @ -");
        }
        checkPassword(password);
        if (stored(username).isPresent()) {
            throw new BadRequestException("username", "a user named '" + username + "' already exists");
        }
        Profile p = resolve(profile);
        client.query("""
                        CREATE (u:User {username: $username, displayName: $displayName, passwordHash: $hash, roles: $roles,
                                        enabled: true, createdAt: datetime(), failedSignIns: 0})""")
                .bindAll(Map.of("username", username, "displayName", p.displayName() == null ? username : p.displayName(),
                        "hash", encoder.encode(password), "roles", names(p.roles())))
                .run();
        bind(username, p);
        UserAccount created = find(username).orElseThrow();
        audit.record(by, "user.create", List.of("User:" + username), null, summary(created), "ok");
        return created;
    }

    /** Changes roles, bindings and display name (each given value replaces the old one), and enabled when given. */
    @Transactional
    public UserAccount update(Actor by, String username, Profile profile, Boolean enabled) {
        recent.clear();
        UserAccount before = find(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
        Set<Role> roles = profile.roles() == null ? before.roles() : profile.roles();
        // a binding not given is kept while its role stays
        Profile p = resolve(new Profile(profile.displayName() == null ? before.displayName() : profile.displayName(), roles,
                profile.department() != null ? profile.department() : roles.contains(Role.DEPARTMENT) ? before.department() : null,
                profile.town() != null ? profile.town() : roles.contains(Role.TOWN) ? before.town() : null,
                profile.chains() != null ? profile.chains() : roles.contains(Role.CHAIN) ? before.chains() : null));
        Map<String, Object> params = new HashMap<>();
        params.put("username", username);
        params.put("displayName", p.displayName());
        params.put("roles", names(p.roles()));
        params.put("enabled", enabled == null ? before.enabled() : enabled);
        client.query("MATCH (u:User {username: $username}) SET u.displayName = $displayName, u.roles = $roles, u.enabled = $enabled")
                .bindAll(params).run();
        bind(username, p);
        UserAccount after = find(username).orElseThrow();
        audit.record(by, Boolean.FALSE.equals(enabled) && before.enabled() ? "user.disable" : "user.update",
                List.of("User:" + username), summary(before), summary(after), "ok");
        return after;
    }

    @Transactional
    public void setPassword(Actor by, String username, String password) {
        recent.clear();
        find(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
        checkPassword(password);
        client.query("MATCH (u:User {username: $username}) SET u.passwordHash = $hash, u.failedSignIns = 0, u.lockedUntil = null")
                .bindAll(Map.of("username", username, "hash", encoder.encode(password))).run();
        audit.record(by, "user.password", List.of("User:" + username), null, "password changed", "ok");
    }

    /** True when the password is this user's (constant work whether or not the user exists). */
    boolean matches(Stored user, String password) {
        if (user == null || password == null) {
            encoder.matches("timing", DUMMY_HASH);
            return false;
        }
        return encoder.matches(password, user.passwordHash());
    }

    private static final String DUMMY_HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("not-a-password");

    /** Counts a failed sign-in; locks the account for {@code lockout} at {@code max} failures in a row. True when now locked. */
    @Transactional
    boolean failed(String username, int max, Duration lockout) {
        recent.clear();
        return client.query("""
                        MATCH (u:User {username: $username})
                        SET u.failedSignIns = coalesce(u.failedSignIns, 0) + 1
                        WITH u, u.failedSignIns >= $max AS lock
                        SET u.lockedUntil = CASE WHEN lock THEN datetime() + duration({seconds: $seconds}) ELSE u.lockedUntil END,
                            u.failedSignIns = CASE WHEN lock THEN 0 ELSE u.failedSignIns END
                        RETURN lock""")
                .bindAll(Map.of("username", username, "max", max, "seconds", lockout.toSeconds()))
                .fetchAs(Boolean.class).one().orElse(false);
    }

    @Transactional
    void succeeded(String username) {
        recent.clear();
        client.query("MATCH (u:User {username: $username}) SET u.failedSignIns = 0, u.lockedUntil = null, u.lastSignIn = datetime()")
                .bind(username).to("username").run();
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new BadRequestException("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
    }

    /** Checks the roles and resolves the bindings to the graph's names; 400 naming the field when one does not fit. */
    private Profile resolve(Profile p) {
        Set<Role> roles = p.roles() == null || p.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(p.roles());
        if (roles.isEmpty()) {
            throw new BadRequestException("roles", "a user needs at least one role: " + List.of(Role.values()));
        }
        String department = null;
        String town = null;
        List<String> chains = List.of();
        if (roles.contains(Role.DEPARTMENT)) {
            department = one("department", p.department(), "Department");
        } else if (p.department() != null && !p.department().isBlank()) {
            throw new BadRequestException("department", "only a user with role DEPARTMENT is bound to a department");
        }
        if (roles.contains(Role.TOWN)) {
            town = one("town", p.town(), "Town");
        } else if (p.town() != null && !p.town().isBlank()) {
            throw new BadRequestException("town", "only a user with role TOWN is bound to a town");
        }
        if (roles.contains(Role.CHAIN)) {
            if (p.chains() == null || p.chains().isEmpty()) {
                throw new BadRequestException("chains", "a user with role CHAIN needs at least one chain");
            }
            Set<String> names = new TreeSet<>();
            for (String c : p.chains()) {
                names.add(one("chains", c, "Chain"));
            }
            chains = List.copyOf(names);
        } else if (p.chains() != null && !p.chains().isEmpty()) {
            throw new BadRequestException("chains", "only a user with role CHAIN is bound to chains");
        }
        return new Profile(p.displayName(), roles, department, town, chains);
    }

    /** The graph name of a department, town or chain given by name or alias. */
    private String one(String field, String name, String label) {
        if (name == null || name.isBlank()) {
            throw new BadRequestException(field, "role needs " + field);
        }
        String cypher = switch (label) {
            case "Department" -> "MATCH (n:Department) WHERE n.name = $name OR $name IN coalesce(n.aliases, []) RETURN n.name AS name";
            case "Town" -> "MATCH (n:Town) WHERE n.name = $name OR n.fullName = $name OR $name IN coalesce(n.aliases, []) RETURN n.name AS name";
            default -> "MATCH (n:Chain) WHERE n.name = $name OR $name IN coalesce(n.aliases, []) RETURN n.name AS name";
        };
        return client.query(cypher).bind(name.strip()).to("name").fetchAs(String.class).first()
                .orElseThrow(() -> new BadRequestException(field, "no " + label.toLowerCase() + " named '" + name + "'"));
    }

    private void bind(String username, Profile p) {
        Map<String, Object> params = new HashMap<>();
        params.put("username", username);
        params.put("department", p.department());
        params.put("town", p.town());
        params.put("chains", p.chains());
        client.query("""
                MATCH (u:User {username: $username})
                OPTIONAL MATCH (u)-[r:MEMBER_OF|FOR_TOWN|FOR_CHAIN]->()
                DELETE r
                WITH DISTINCT u
                CALL (u) { MATCH (d:Department {name: $department}) MERGE (u)-[:MEMBER_OF]->(d) }
                CALL (u) { MATCH (t:Town {name: $town}) MERGE (u)-[:FOR_TOWN]->(t) }
                CALL (u) { UNWIND $chains AS name MATCH (c:Chain {name: name}) MERGE (u)-[:FOR_CHAIN]->(c) }""")
                .bindAll(params).run();
    }

    static String summary(UserAccount u) {
        return "roles=" + names(u.roles()) + (u.department() != null ? " department=" + u.department() : "")
                + (u.town() != null ? " town=" + u.town() : "") + (!u.chains().isEmpty() ? " chains=" + u.chains() : "")
                + " enabled=" + u.enabled();
    }

    private static List<String> names(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Stored stored(Map<String, Object> u) {
        Set<Role> roles = new LinkedHashSet<>();
        for (Object r : (List<Object>) u.getOrDefault("roles", List.of())) {
            Role role = Role.parse(String.valueOf(r));
            if (role != null) {
                roles.add(role);
            }
        }
        List<String> chains = new ArrayList<>((List<String>) u.getOrDefault("chains", List.of()));
        UserAccount account = new UserAccount((String) u.get("username"), (String) u.get("displayName"),
                roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), !Boolean.FALSE.equals(u.get("enabled")),
                (String) u.get("department"), (String) u.get("town"), List.copyOf(chains));
        Object locked = u.get("lockedUntil");
        Instant lockedUntil = locked instanceof ZonedDateTime z ? z.toInstant()
                : locked instanceof TemporalAccessor t ? Instant.from(t) : null;
        Object failed = u.get("failedSignIns");
        return new Stored(account, (String) u.get("passwordHash"), lockedUntil, failed instanceof Number n ? n.longValue() : 0);
    }
}
