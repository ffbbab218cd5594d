package cn.clustergraph.web;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Tomcat answers some requests before the application sees them (a path that is not valid UTF-8, a bad escape in the
 * request line): its host's error report valve would write an HTML page. This replaces that valve with one that writes
 * the API's problem+json (type "/problems/bad-encoding" for a 400), so even those errors have the API's shape.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                replaceValve(host);
            }
        }));
    }

    /** After Spring Boot's own customizer, which configures the standard valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static void replaceValve(Host host) {
        for (Valve v : host.getPipeline().getValves()) {
            if (v instanceof ErrorReportValve && !(v instanceof ProblemValve)) {
                host.getPipeline().removeValve(v);
            }
        }
        boolean present = false;
        for (Valve v : host.getPipeline().getValves()) {
            present |= v instanceof ProblemValve;
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemValve());
        }
        if (host instanceof org.apache.catalina.core.StandardHost sh) {
            sh.setErrorReportValveClass(ProblemValve.class.getName());
        }
    }

    /** Writes problem+json where Tomcat's standard valve would write its HTML error page. */
    public static class ProblemValve extends ErrorReportValve {

        public ProblemValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ProblemDetail problem = status == 400 ? RequestEncodingFilter.brokenPath() : ApiProblem.forStatus(status);
            try {
                response.setSuspended(false);
                ApiProblem.write(request, response, problem);
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed; nothing more to say
            }
        }
    }
}
