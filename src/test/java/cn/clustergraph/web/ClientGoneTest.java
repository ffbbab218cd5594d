package cn.clustergraph.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that closed the connection while its answer was written is no server error: nothing is answered and a line
 * at debug is all the log gets (no ERROR with a stack trace); any other I/O failure is still a logged 500 problem.
 */
class ClientGoneTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/enterprises");
    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
        logger.setLevel(level);
    }

    @Test
    void aClientThatHasGoneGetsNothingAndTheLogOnlyADebugLine() throws Exception {
        assertThat(handler.io(new ClientAbortException(new IOException("Broken pipe")), request)).isNull();
        assertThat(handler.io(new IOException("Connection reset by peer"), request)).isNull();
        assertThat(handler.unexpected(new IllegalStateException("write failed", new IOException("Broken pipe")), request)).isNull();
        ServletWebRequest web = new ServletWebRequest(request);
        assertThat(handler.handleException(new HttpMessageNotWritableException("Could not write JSON", new IOException("Broken pipe")), web))
                .as("a converter that failed because the client went").isNull();
        assertThat(handler.handleException(new AsyncRequestNotUsableException("Servlet container error notification for disconnected client"), web))
                .isNull();
        assertThat(logged.list).isNotEmpty().allMatch(e -> e.getLevel() == Level.DEBUG).allMatch(e -> e.getThrowableProxy() == null);
    }

    @Test
    void anyOtherIoFailureIsStillA500Problem() {
        var r = handler.io(new IOException("No space left on device"), request);
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getBody().getType().toString()).endsWith("/problems/internal-error");
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getThrowableProxy()).isNotNull();
        });
    }
}
