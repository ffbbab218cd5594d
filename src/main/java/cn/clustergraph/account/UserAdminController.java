package cn.clustergraph.account;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Users and other people's tokens, for admins ({@code /api/admin/**} needs the ADMIN role; see security.SecurityConfig). */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "admin")
class UserAdminController {

    private final AccountService accounts;
    private final ApiTokens tokens;

    UserAdminController(AccountService accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** A new user, or changes to one (absent fields keep their value on update). */
    record UserRequest(String username, String password, String displayName, List<String> roles, String department,
                       String town, List<String> chains, Boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "Every user with roles and bindings 用户列表")
    List<UserAccount> list() {
        return accounts.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user 新建用户")
    UserAccount create(@RequestBody UserRequest body) {
        return accounts.create(Actor.current(), body.username(), body.password(), profile(body));
    }

    @PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a user's roles, bindings, display name or enabled; password when given 修改用户")
    UserAccount update(@PathVariable String username, @RequestBody UserRequest body) {
        if (body.password() != null) {
            accounts.setPassword(Actor.current(), username, body.password());
        }
        return accounts.update(Actor.current(), username, profile(body), body.enabled());
    }

    @GetMapping("/{username}/tokens")
    @Operation(summary = "A user's API tokens 用户令牌")
    List<ApiTokens.TokenInfo> tokens(@PathVariable String username) {
        return tokens.list(username);
    }

    @DeleteMapping("/{username}/tokens/{id}")
    @Operation(summary = "Revoke a user's API token 吊销用户令牌")
    ApiTokens.TokenInfo revoke(@PathVariable String username, @PathVariable String id) {
        return tokens.revoke(Actor.current(), username, id);
    }

    private static AccountService.Profile profile(UserRequest body) {
        Set<Role> roles = null;
        if (body.roles() != null) {
            roles = EnumSet.noneOf(Role.class);
            for (String r : body.roles()) {
                Role role = Role.parse(r);
                if (role == null) {
                    throw new BadRequestException("roles", "unknown role '" + r + "'; roles: " + List.of(Role.values()));
                }
                roles.add(role);
            }
        }
        return new AccountService.Profile(body.displayName(), roles, body.department(), body.town(), body.chains());
    }
}
