package cn.clustergraph.account;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Set;

/**
 * A person who signs in, as the rest of the app sees them (never with the password hash): roles and the scope bindings
 * (one department, one town, one or more chains) that decide what they may write.
 */
public record UserAccount(String username, String displayName, Set<Role> roles, boolean enabled, String department,
                          String town, List<String> chains) implements Serializable, Principal {

    /** The user name (so {@code Authentication.getName()} is the user name everywhere, e.g. in the audit trail). */
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
