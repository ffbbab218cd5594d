package cn.clustergraph.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did something and from where, as the audit trail records it: the signed-in user's name (or {@code system} for
 * startup loads and command-line runs) and the client address (after the reverse proxy's forwarded headers).
 */
public record Actor(String username, String address) {

    /** The actor of writes the app does on its own (startup loads) or run from the command line. */
    public static final String SYSTEM = "system";

    /** The current request's user and address; {@code system} outside a request or without a signed-in user. */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String name = auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName()) ? auth.getName() : SYSTEM;
        return new Actor(name, currentAddress());
    }

    /** The client address of the current request, or {@code local} outside a request. */
    public static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return "local";
    }
}
