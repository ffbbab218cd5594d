package cn.clustergraph.programme;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/programme carries 四群八链 for the home page: the eight stated chains in document order, the four assumed clusters. */
@GraphIntegrationTest
class ProgrammeClustersIT {

    @LocalServerPort
    int port;

    @Test
    void programmeListsTheEightChainsAsStatedAndTheFourClustersAsAssumed() {
        JsonNode p = new Api(port).get("/api/programme").json();
        List<String> chains = new ArrayList<>();
        p.get("chains").forEach(c -> {
            chains.add(c.get("name").asString());
            assertThat(c.get("source").get("ref").asString()).isEqualTo("附件2 第42行");
            assertThat(c.get("clusterAssumed").asBoolean()).isTrue();
        });
        // The order of 附件2 第42行 (and 正文 二(六)21).
        assertThat(chains).containsExactly("光电通信", "新能源汽车", "高档数控机床", "C3及关联产品", "生物医药", "航空航天", "功能性膜材料", "电子化学品");
        List<String> clusters = new ArrayList<>();
        p.get("clusters").forEach(c -> {
            clusters.add(c.get("name").asString());
            assertThat(c.get("assumed").asBoolean()).isTrue();
            assertThat(c.get("note").asString()).contains("假设");
        });
        assertThat(clusters).containsExactly("数字经济", "高端装备", "新材料", "生命健康");
        assertThat(p.get("clusters").get(1).get("chains").toString()).contains("新能源汽车", "高档数控机床", "航空航天");
    }
}
