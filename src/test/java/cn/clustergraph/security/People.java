package cn.clustergraph.security;

import cn.clustergraph.Api;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test users, one per role (created once per app through the account service), and their API tokens. */
final class People {

    static final String PASSWORD = "people-pass-9x!";
    /** The department that leads task 52 in 附件2 and one of its co-owners (asserted in the matrix test). */
    static final String LEAD_52 = "市经信局";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private People() {
    }

    /** The user name of the test user for a role, e.g. {@code t-department}. */
    static String user(Role role) {
        return "t-" + role.name().toLowerCase();
    }

    /** Creates the per-role users once; the DEPARTMENT user belongs to the lead of task 52, CHAIN to 光电通信, TOWN to 当湖街道. */
    static void ensure(AccountService accounts) {
        for (Role r : Role.values()) {
            if (r == Role.ADMIN) {
                continue;
            }
            TestUsers.ensure(accounts, user(r), PASSWORD, new AccountService.Profile(null, EnumSet.of(r),
                    r == Role.DEPARTMENT ? "经信局" : null, r == Role.TOWN ? "当湖街道" : null,
                    r == Role.CHAIN ? List.of("光电通信") : List.of()));
        }
    }

    static String token(int port, Role role) {
        if (role == Role.ADMIN) {
            return Api.adminToken(port);
        }
        return TOKENS.computeIfAbsent(port + "/" + role, k -> Api.token(port, user(role), PASSWORD));
    }

    static Api api(int port, Role role) {
        return new Api(port).as(token(port, role));
    }
}
