package cn.clustergraph;

import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import cn.clustergraph.audit.Actor;

import java.util.EnumSet;
import java.util.List;

/** The one way tests make their users: test classes share an app (and its database) and run in any order, so each user is created once, whoever asks first. */
public final class TestUsers {

    private static final Actor BY = new Actor("test", "local");

    private TestUsers() {
    }

    /** Creates {@code user} with this password and profile unless a user of that name exists already (then it is left as it is). */
    public static synchronized void ensure(AccountService accounts, String user, String password, AccountService.Profile profile) {
        if (accounts.find(user).isEmpty()) {
            accounts.create(BY, user, password, profile);
        }
    }

    /** {@link #ensure(AccountService, String, String, AccountService.Profile)} for a user with roles only: no display name, department, town or chains. */
    public static void ensure(AccountService accounts, String user, String password, Role first, Role... more) {
        ensure(accounts, user, password, new AccountService.Profile(null, EnumSet.of(first, more), null, null, List.of()));
    }
}
