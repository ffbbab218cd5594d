package cn.clustergraph.security;

import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * OpenID Connect sign-in mapped to a local user: the provider vouches for the person, the claim
 * {@code username-claim} names the local {@code User} whose roles and scope apply. Unknown or disabled → refused with a
 * clear message on the sign-in page; every attempt logged and audited like a password sign-in.
 */
final class OidcSignIn {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
    static final String REGISTRATION = "oidc";

    private final OidcProperties settings;
    private final AccountService accounts;
    private final AuditService audit;
    private final OidcUserService delegate = new OidcUserService();
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcSignIn(OidcProperties settings, AccountService accounts, AuditService audit) {
        this.settings = settings;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The provider's registration, from its discovery document ({@code <issuer>/.well-known/openid-configuration}). */
    ClientRegistration registration() {
        return ClientRegistrations.fromIssuerLocation(settings.issuerUri()).registrationId(REGISTRATION)
                .clientId(settings.clientId()).clientSecret(settings.clientSecret()).scope("openid", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").build();
    }

    /** Loads the provider's user and refuses anyone without an enabled local user of that name. */
    OidcUser load(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        String name = user.getClaimAsString(settings.usernameClaim());
        Optional<UserAccount> local = accounts.find(name).filter(UserAccount::enabled);
        if (local.isEmpty()) {
            Actor actor = new Actor(name == null ? "(none)" : name, Actor.currentAddress());
            log.warn("Sign-in (oidc) refused for '{}' from {}: no enabled local user of that name", actor.username(), actor.address());
            audit.record(actor, "signin.oidc", List.of("User:" + actor.username()), null, null, "unknown-user");
            throw new OAuth2AuthenticationException(new OAuth2Error("unknown_user"),
                    "No local user '" + name + "' for this single sign-on account");
        }
        return user;
    }

    /** Replaces the provider's token by the local user (roles, scope) in the session, then goes to the app. */
    void success(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        OidcUser oidc = (OidcUser) authentication.getPrincipal();
        UserAccount user = accounts.find(oidc.getClaimAsString(settings.usernameClaim())).orElseThrow();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, Authorities.of(user)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        log.info("Sign-in (oidc) of '{}' from {}", user.username(), request.getRemoteAddr());
        audit.record(new Actor(user.username(), request.getRemoteAddr()), "signin.oidc", List.of("User:" + user.username()), null, null, "ok");
        response.sendRedirect(request.getContextPath() + "/");
    }

    void failure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        log.warn("Sign-in (oidc) failed from {}: {}", request.getRemoteAddr(), e.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?error=oidc");
    }
}
