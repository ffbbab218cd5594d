package cn.clustergraph.security;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/me}: who is signed in and what they may edit, so the UI shows edit forms only where the server allows. */
@RestController
@Tag(name = "auth")
class MeController {

    private final Scopes scopes;

    MeController(Scopes scopes) {
        this.scopes = scopes;
    }

    record RoleName(String name, String label) {
    }

    record Me(String username, String displayName, List<RoleName> roles, String department, String town,
              List<String> chains, Scopes.Editable editable) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user, roles, bindings and what they may edit 当前用户")
    Me me() {
        UserAccount u = CurrentUser.require();
        return new Me(u.username(), u.displayName(), u.roles().stream().sorted().map(r -> new RoleName(r.name(), r.label())).toList(),
                u.department(), u.town(), u.chains(), scopes.editable(u));
    }
}
