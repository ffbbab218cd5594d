package cn.clustergraph.account;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place a password is checked — the browser's sign-in form and {@code POST /api/auth/token} both come here:
 * lockout after repeated failures (per account, in the graph; per client address, in memory), a log line and an audit
 * event for every attempt (user name and address, never the password).
 */
@Service
public class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);
    /** Failures from one address, over all user names, before it is refused for the lockout time. */
    static final int ADDRESS_FACTOR = 4;

    private final AccountService accounts;
    private final AuditService audit;
    private final AccountProperties settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    SignIn(AccountService accounts, AuditService audit, AccountProperties settings) {
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /**
     * Checks a user name and password.
     *
     * @param channel {@code form} or {@code token} (audit kind {@code signin.form} / {@code signin.token})
     * @throws LockedException         the account or the address is locked for now
     * @throws DisabledException       the account is disabled
     * @throws BadCredentialsException unknown user or wrong password (the same answer for both)
     */
    public UserAccount authenticate(String username, String password, String address, String channel) {
        String name = username == null ? "" : username.strip();
        if (name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            // never echo control characters (log forging) or huge input into the log and the audit trail
            name = name.replaceAll("\\p{Cntrl}", "?");
            name = name.substring(0, Math.min(64, name.length()));
        }
        Actor actor = new Actor(name.isEmpty() ? "(none)" : name, address);
        String kind = "signin." + channel;
        if (addressLocked(address)) {
            refuse(actor, kind, "address-locked");
            throw new LockedException("Too many failed sign-ins from this address; try again later");
        }
        AccountService.Stored user = accounts.stored(name).orElse(null);
        if (user != null && user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant())) {
            refuse(actor, kind, "locked");
            throw new LockedException("Account locked after repeated failed sign-ins; try again later");
        }
        if (!accounts.matches(user, password)) {
            failure(address);
            boolean nowLocked = user != null && accounts.failed(name, settings.maxFailedSignIns(), settings.lockout());
            refuse(actor, kind, nowLocked ? "bad-credentials, now locked" : "bad-credentials");
            throw new BadCredentialsException("Wrong user name or password");
        }
        if (!user.account().enabled()) {
            refuse(actor, kind, "disabled");
            throw new DisabledException("Account disabled");
        }
        accounts.succeeded(name);
        log.info("Sign-in ({}) of '{}' from {}", channel, name, address);
        audit.record(actor, kind, List.of("User:" + name), null, null, "ok");
        return user.account();
    }

    private void refuse(Actor actor, String kind, String outcome) {
        log.warn("Sign-in ({}) refused for '{}' from {}: {}", kind, actor.username(), actor.address(), outcome);
        audit.record(actor, kind, List.of("User:" + actor.username()), null, null, outcome);
    }

    private void failure(String address) {
        Deque<Instant> times = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    private boolean addressLocked(String address) {
        Deque<Instant> times = failuresByAddress.get(address);
        if (times == null) {
            return false;
        }
        Instant since = clock.instant().minus(settings.lockout());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.removeFirst();
            }
            return times.size() >= settings.maxFailedSignIns() * ADDRESS_FACTOR;
        }
    }
}
