package cn.clustergraph.security;

import cn.clustergraph.account.Role;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.startup.WarmupAccess;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-time bearer token for the app's own loopback calls before it reports ready (the warm-up): random, kept only in
 * memory, valid for GET requests only and only until {@link #revoke()}; never written anywhere.
 */
@Component
public class InternalToken implements WarmupAccess {

    /** The principal of warm-up requests (reads everything a coordinator reads; writes are refused by the filter). */
    static final UserAccount WARMUP = new UserAccount("system:warmup", "warm-up", EnumSet.of(Role.COORDINATOR), true,
            null, null, List.of());

    private static final SecureRandom RANDOM = new SecureRandom();
    private final AtomicReference<String> current = new AtomicReference<>();

    /** A new token; replaces any earlier one. */
    @Override
    public String issue() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "cgi_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        current.set(token);
        return token;
    }

    @Override
    public void revoke() {
        current.set(null);
    }

    boolean matches(String token) {
        String t = current.get();
        return t != null && token != null
                && MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
