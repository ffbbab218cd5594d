package cn.clustergraph.pipeline;

import cn.clustergraph.Api;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test users of the pipeline: two 招商 owners, the coordinator, a chain office of 光电通信, a viewer, an analyst. */
final class PipelineUsers {

    static final String PASSWORD = "pipeline-pass-7q!";
    static final String INVEST_A = "p-invest-a";
    static final String INVEST_B = "p-invest-b";
    static final String COORD = "p-coord";
    static final String CHAIN = "p-chain";
    static final String VIEWER = "p-viewer";
    static final String ANALYST = "p-analyst";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private PipelineUsers() {
    }

    static void ensure(AccountService accounts) {
        TestUsers.ensure(accounts, INVEST_A, PASSWORD, new AccountService.Profile("招商甲", EnumSet.of(Role.INVESTMENT), null, null, List.of()));
        TestUsers.ensure(accounts, INVEST_B, PASSWORD, new AccountService.Profile("招商乙", EnumSet.of(Role.INVESTMENT), null, null, List.of()));
        TestUsers.ensure(accounts, COORD, PASSWORD, Role.COORDINATOR);
        TestUsers.ensure(accounts, CHAIN, PASSWORD, new AccountService.Profile(null, EnumSet.of(Role.CHAIN), null, null, List.of("光电通信")));
        TestUsers.ensure(accounts, VIEWER, PASSWORD, Role.VIEWER);
        TestUsers.ensure(accounts, ANALYST, PASSWORD, Role.ANALYST);
    }

    static Api api(int port, String user) {
        return new Api(port).as(TOKENS.computeIfAbsent(port + "/" + user, k -> Api.token(port, user, PASSWORD)));
    }
}
