package cn.clustergraph.security;

import cn.clustergraph.account.Role;
import cn.clustergraph.account.UserAccount;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** A user's roles as Spring Security authorities ({@code ROLE_ADMIN}, …): the one mapping every sign-in path uses. */
final class Authorities {

    private Authorities() {
    }

    static List<GrantedAuthority> of(UserAccount user) {
        return user.roles().stream().map(Role::authority).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }
}
