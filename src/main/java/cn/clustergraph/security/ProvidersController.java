package cn.clustergraph.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/auth/providers} (no sign-in needed): whether the sign-in page offers single sign-on, and its link. */
@RestController
@Tag(name = "auth")
class ProvidersController {

    private final OidcProperties oidc;

    ProvidersController(OidcProperties oidc) {
        this.oidc = oidc;
    }

    record Providers(boolean password, boolean oidc, String oidcLink) {
    }

    @GetMapping("/api/auth/providers")
    @Operation(summary = "Sign-in methods offered (password; single sign-on when configured) 登录方式")
    Providers providers() {
        return new Providers(true, oidc.enabled(), oidc.enabled() ? "/oauth2/authorization/" + OidcSignIn.REGISTRATION : null);
    }
}
