package cn.clustergraph.tracking;

import cn.clustergraph.Api;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test users for tracking: the coordinator, 市经信局 and 市科技局 departments, the 当湖街道 and 新埭镇 towns. */
final class TrackingPeople {

    static final String PASSWORD = "tracking-pass-7q!";
    static final String COORDINATOR = "tr-coordinator";
    /** 市经信局: leads tasks 5, 7, 12 …; co-owns task 2; owns A1-02, A1-05, A1-14, A1-17 and the 附件3 A3-02. */
    static final String JXJ = "tr-jxj";
    static final String KJJ = "tr-kjj";
    static final String DANGHU = "tr-danghu";
    static final String XINDAI = "tr-xindai";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TrackingPeople() {
    }

    static void ensure(AccountService accounts) {
        TestUsers.ensure(accounts, COORDINATOR, PASSWORD, new AccountService.Profile("工业强市办", EnumSet.of(Role.COORDINATOR), null, null, List.of()));
        TestUsers.ensure(accounts, JXJ, PASSWORD, new AccountService.Profile("经信局填报员", EnumSet.of(Role.DEPARTMENT), "经信局", null, List.of()));
        TestUsers.ensure(accounts, KJJ, PASSWORD, new AccountService.Profile("科技局填报员", EnumSet.of(Role.DEPARTMENT), "市科技局", null, List.of()));
        TestUsers.ensure(accounts, DANGHU, PASSWORD, new AccountService.Profile("当湖街道", EnumSet.of(Role.TOWN), null, "当湖街道", List.of()));
        TestUsers.ensure(accounts, XINDAI, PASSWORD, new AccountService.Profile("新埭镇", EnumSet.of(Role.TOWN), null, "新埭镇", List.of()));
    }

    static Api api(int port, String user) {
        return new Api(port).as(token(port, user));
    }

    static String token(int port, String user) {
        return TOKENS.computeIfAbsent(port + "/" + user, k -> Api.token(port, user, PASSWORD));
    }
}
