package cn.clustergraph.web;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one response-size rule: rows are admitted while their estimated JSON size fits; the first that does not ends it. */
class ResponseSizeTest {

    @Test
    void rowsAreAdmittedUntilTheLimitAndNoneAfterIt() {
        List<Object> row = List.of("甲乙", 1, true);  // 2 + (1 + 8) + (1 + 24) + (1 + 5) = 42
        assertThat(ResponseSize.estimatedBytes(row)).isEqualTo(42);
        ResponseSize size = new ResponseSize(DataSize.ofBytes(100));
        assertThat(size.admits(row)).isTrue();
        assertThat(size.admits(row)).isTrue();
        assertThat(size.exceeded()).isFalse();
        assertThat(size.truncatedBy(true)).isEqualTo("rows");
        assertThat(size.admits(row)).isFalse();
        assertThat(size.exceeded()).isTrue();
        assertThat(size.admits(List.of())).as("nothing after the first refused row").isFalse();
        assertThat(size.truncatedBy(true)).isEqualTo("size");
        assertThat(size.truncatedBy(false)).isNull();
    }

    @Test
    void theEstimateIsAnUpperBoundOfTheUtf8Json() {
        Map<String, Object> value = Map.of("name", "产业链", "n", 12345, "list", List.of("a", 2.5), "none", "");
        String json = "{\"name\":\"产业链\",\"n\":12345,\"list\":[\"a\",2.5],\"none\":\"\"}";
        assertThat(ResponseSize.estimatedBytes(value)).isGreaterThanOrEqualTo(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(ResponseSize.estimatedBytes(null)).isEqualTo(4);
    }
}
