package cn.clustergraph.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Sign-in settings ({@code clustergraph.security.*}).
 *
 * @param adminPassword     password of the {@code admin} created on the first start (empty: a random one, printed once
 *                          and written to {@code admin-password.txt})
 * @param maxFailedSignIns  failed sign-ins in a row that lock an account
 * @param lockout           how long a locked account stays locked
 * @param tokenValidity     lifetime of a new API token
 * @param anonymousRead     GETs of non-internal data work without signing in (a wall screen on the intranet)
 */
@ConfigurationProperties("clustergraph.security")
public record AccountProperties(
        @DefaultValue("") String adminPassword,
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("90d") Duration tokenValidity,
        @DefaultValue("false") boolean anonymousRead) {
}
