package cn.clustergraph.rollup;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollup check on a live instance ({@code /api/admin/rollups}): the generations say whether the rollups are stale
 * (a write marks them in its own transaction), {@code verify} compares every stored rollup with the live aggregation and
 * is audited; only admins may call it.
 */
@GraphIntegrationTest
class RollupAdminIT {

    @LocalServerPort
    int port;
    @Autowired
    RollupService rollups;
    @Autowired
    Driver driver;
    @Autowired
    AccountService accounts;

    @Test
    void statusSaysStaleAfterAMarkedWriteVerifyComparesEveryRollupAndIsAuditedAdminsOnly() {
        Api admin = new Api(port);
        var fresh = admin.get("/api/admin/rollups");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().get("stale").asBoolean()).as(fresh.body()).isFalse();

        try (var s = driver.session()) {
            s.executeWriteWithoutResult(RollupService::markChanged);
        }
        var stale = admin.get("/api/admin/rollups");
        assertThat(stale.json().get("stale").asBoolean()).isTrue();
        assertThat(stale.json().get("dataGeneration").asLong()).isGreaterThan(stale.json().get("rollupGeneration").asLong());
        rollups.refresh();
        assertThat(admin.get("/api/admin/rollups").json().get("stale").asBoolean()).isFalse();

        var v = admin.post("/api/admin/rollups/verify", "");
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        assertThat(v.json().get("equal").asBoolean()).as(v.body()).isTrue();
        assertThat(v.json().get("differenceCount").asInt()).isZero();
        try (var s = driver.session()) {
            long audited = s.run("MATCH (a:AuditEvent {kind: 'rollup.verify', actor: 'admin'}) RETURN count(a) AS n").single().get("n").asLong();
            assertThat(audited).isPositive();
        }

        assertThat(Api.anonymous(port).get("/api/admin/rollups").status()).isEqualTo(401);
        TestUsers.ensure(accounts, "t-rollup-viewer", "viewer-pass-9x!", Role.VIEWER);
        Api viewer = admin.as(Api.token(port, "t-rollup-viewer", "viewer-pass-9x!"));
        assertThat(viewer.post("/api/admin/rollups/verify", "").status()).isEqualTo(403);
        assertThat(viewer.get("/api/admin/rollups").status()).isEqualTo(403);
    }
}
