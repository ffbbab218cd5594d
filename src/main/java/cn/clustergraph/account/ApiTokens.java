package cn.clustergraph.account;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens for scripts and Excel/Power Query ({@code Authorization: Bearer …}): 32 random bytes shown once,
 * stored only as their SHA-256, with an expiry; revocable by their owner or an admin. Creations and revocations are
 * audited.
 */
@Service
public class ApiTokens {

    /** Prefix of every token, so a leaked one is recognisable in a scan. */
    static final String PREFIX = "cg_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Neo4jClient client;
    /** Owners of tokens used by recent requests; cleared on every revocation. */
    private final ShortCache<String, Owner> recent = new ShortCache<>(java.time.Duration.ofSeconds(5));
    private final AuditService audit;
    private final AccountProperties settings;

    ApiTokens(Neo4jClient client, AuditService audit, AccountProperties settings) {
        this.client = client;
        this.audit = audit;
        this.settings = settings;
    }

    /** A token as listed (never its value). */
    public record TokenInfo(String id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime revokedAt, boolean active) {
    }

    /** A new token: {@code token} is shown this once and cannot be read again. */
    public record NewToken(String token, TokenInfo info) {
    }

    @Transactional
    public NewToken create(Actor by, String username, String name) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 100) {
            throw new BadRequestException("name", "name must be at most 100 characters");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String id = UUID.randomUUID().toString();
        client.query("""
                        MATCH (u:User {username: $username})
                        CREATE (u)-[:HAS_TOKEN]->(:ApiToken {id: $id, name: $name, hash: $hash, createdAt: datetime(),
                                                           expiresAt: datetime() + duration({seconds: $seconds})})""")
                .bindAll(Map.of("username", username, "id", id, "name", label, "hash", hash(token),
                        "seconds", settings.tokenValidity().toSeconds()))
                .run();
        TokenInfo info = list(username).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        audit.record(by, "token.create", List.of("User:" + username, "ApiToken:" + id), null,
                "name=" + label + " expires=" + info.expiresAt(), "ok");
        return new NewToken(token, info);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(String username) {
        return List.copyOf(client.query("""
                        MATCH (:User {username: $username})-[:HAS_TOKEN]->(t:ApiToken)
                        RETURN t ORDER BY t.createdAt DESC""")
                .bind(username).to("username")
                .fetchAs(TokenInfo.class).mappedBy((ts, r) -> info(r.get("t").asMap())).all());
    }

    /** Revokes one of the user's tokens (404 when it is not theirs). */
    @Transactional
    public TokenInfo revoke(Actor by, String username, String id) {
        recent.clear();
        boolean found = client.query("""
                        MATCH (:User {username: $username})-[:HAS_TOKEN]->(t:ApiToken {id: $id})
                        SET t.revokedAt = coalesce(t.revokedAt, datetime())
                        RETURN count(t) > 0 AS found""")
                .bindAll(Map.of("username", username, "id", id)).fetchAs(Boolean.class).one().orElse(false);
        if (!found) {
            throw new NotFoundException("No token '" + id + "' of user '" + username + "'");
        }
        audit.record(by, "token.revoke", List.of("User:" + username, "ApiToken:" + id), "active", "revoked", "ok");
        return list(username).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * The enabled user a valid (known, unexpired, unrevoked) token belongs to (a read: no write per request; one
     * auto-commit query, none while the owner is kept).
     */
    public Optional<String> owner(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        // a kept owner still honours the token's own expiry
        return recent.get(hash(token), this::ownerOfHash).filter(o -> o.expiresAtMillis() > System.currentTimeMillis()).map(Owner::username);
    }

    private record Owner(String username, long expiresAtMillis) {
    }

    private Optional<Owner> ownerOfHash(String hash) {
        return client.query("""
                        MATCH (u:User)-[:HAS_TOKEN]->(t:ApiToken {hash: $hash})
                        WHERE t.revokedAt IS NULL AND t.expiresAt > datetime() AND coalesce(u.enabled, true)
                        RETURN u.username AS username, t.expiresAt.epochMillis AS expires""")
                .bind(hash).to("hash").fetchAs(Owner.class)
                .mappedBy((types, r) -> new Owner(r.get("username").asString(), r.get("expires").asLong())).one();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TokenInfo info(Map<String, Object> t) {
        OffsetDateTime expires = time(t.get("expiresAt"));
        OffsetDateTime revoked = time(t.get("revokedAt"));
        return new TokenInfo((String) t.get("id"), (String) t.get("name"), time(t.get("createdAt")), expires, revoked,
                revoked == null && expires != null && expires.isAfter(OffsetDateTime.now()));
    }

    private static OffsetDateTime time(Object o) {
        return o instanceof ZonedDateTime z ? z.toOffsetDateTime() : o instanceof OffsetDateTime od ? od : null;
    }
}
