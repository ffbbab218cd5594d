package cn.clustergraph.account;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The signed-in person of the current request (the principal the sign-in form, a token or OIDC put there). */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<UserAccount> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof UserAccount u ? Optional.of(u) : Optional.empty();
    }

    /** The signed-in user; 401 when there is none (anonymous read access). */
    public static UserAccount require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first"));
    }
}
