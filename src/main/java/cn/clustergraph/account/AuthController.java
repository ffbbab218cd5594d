package cn.clustergraph.account;

import cn.clustergraph.audit.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Personal API tokens for scripts and Excel/Power Query: by user name and password, or from a signed-in session. */
@RestController
@RequestMapping("/api")
@Tag(name = "auth")
class AuthController {

    private final SignIn signIn;
    private final ApiTokens tokens;

    AuthController(SignIn signIn, ApiTokens tokens) {
        this.signIn = signIn;
        this.tokens = tokens;
    }

    /** User name and password, JSON only. */
    record Credentials(String username, String password, String name) {
    }

    record TokenName(String name) {
    }

    @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign in with user name and password (JSON) and get a new API token, shown once 获取接口令牌")
    ApiTokens.NewToken token(@RequestBody Credentials body, HttpServletRequest request) {
        UserAccount user = signIn.authenticate(body.username(), body.password(), request.getRemoteAddr(), "token");
        return tokens.create(new Actor(user.username(), request.getRemoteAddr()), user.username(), body.name());
    }

    @GetMapping("/auth/tokens")
    @Operation(summary = "My API tokens (never their values) 我的令牌")
    List<ApiTokens.TokenInfo> myTokens() {
        return tokens.list(CurrentUser.require().username());
    }

    @PostMapping(path = "/auth/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API token for me, shown once 新建令牌")
    ApiTokens.NewToken create(@RequestBody(required = false) TokenName body) {
        UserAccount me = CurrentUser.require();
        return tokens.create(Actor.current(), me.username(), body == null ? null : body.name());
    }

    @DeleteMapping("/auth/tokens/{id}")
    @Operation(summary = "Revoke one of my API tokens 吊销令牌")
    ApiTokens.TokenInfo revoke(@PathVariable String id) {
        return tokens.revoke(Actor.current(), CurrentUser.require().username(), id);
    }
}
