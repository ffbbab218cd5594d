package cn.clustergraph.consistency;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static cn.clustergraph.JsonLists.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** The document's contradictions through the API (GET /api/consistency), as found in 平政发〔2023〕38号. */
@GraphIntegrationTest
class ConsistencyApiIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void consistencyReportFindsTheDocumentsContradictions() {
        var r = api.get("/api/consistency").json();
        List<String> kindsAndSubjects = new ArrayList<>();
        r.get("findings").forEach(f -> kindsAndSubjects.add(f.get("kind").asString() + " " + f.get("subject").asString()));
        assertThat(kindsAndSubjects).anyMatch(s -> s.startsWith("TOWN_SUM_MISMATCH A3-10"))
                .anyMatch(s -> s.startsWith("TOWN_SUM_MISMATCH A3-11"))
                .noneMatch(s -> s.startsWith("TOWN_SUM_MISMATCH A3-02"))
                .noneMatch(s -> s.startsWith("TOWN_SUM_MISMATCH A3-08"))
                .anyMatch(s -> s.startsWith("TARGET_VALUE_CONFLICT G-LAND "))
                .anyMatch(s -> s.startsWith("TARGET_QUALIFIER_CONFLICT G-BIG100"))
                .anyMatch(s -> s.startsWith("SECTION_TITLE_VARIANT S2.1"))
                .anyMatch(s -> s.startsWith("MEASURE_TITLE_VARIANT M04"))
                .anyMatch(s -> s.equals("DEPARTMENT_NAME_VARIANT 市人力社保局"))
                .anyMatch(s -> s.equals("DEPARTMENT_NAME_VARIANT 嘉兴银保监分局平湖监管组"))
                .anyMatch(s -> s.startsWith("DEPARTMENT_DOUBT 市金融办"));
        JsonNode land = StreamSupport.stream(r.get("findings").spliterator(), false)
                .filter(f -> f.get("subject").asString().startsWith("G-LAND ")).findFirst().orElseThrow();
        assertThat(texts(land.get("clauses"), "id")).contains("MAIN-2.1.1", "A2-R01");
        assertThat(land.get("detail").asString()).contains("5000").contains("2000");
    }
}
