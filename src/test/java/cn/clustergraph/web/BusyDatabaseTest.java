package cn.clustergraph.web;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that is momentarily busy (the driver's connection queue full, as 200 concurrent clients produced in the
 * load test of issue 15) is answered 503 problem+json with Retry-After, not 500.
 */
class BusyDatabaseTest {

    @Test
    void aBusyDatabaseIsA503ToRetry() {
        ApiExceptionHandler handler = new ApiExceptionHandler();
        for (Exception e : new Exception[] {
                new TransientDataAccessResourceException("Connection pool pending acquisition queue is full."),
                new TransientException("N/A", "Connection pool pending acquisition queue is full.")}) {
            var answer = handler.busy(e);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(answer.getBody().getType().toString()).isEqualTo("/problems/unavailable");
            assertThat(answer.getBody().getProperties()).containsEntry("zh", "数据库繁忙，请稍后重试");
            assertThat(answer.getBody().getDetail()).doesNotContain("pool");
        }
    }
}
