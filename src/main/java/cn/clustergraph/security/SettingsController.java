package cn.clustergraph.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code GET /api/admin/settings}: the app's effective settings, read-only, for admins (secrets shown as {@code ******}).
 * Settings change only through the environment or the command line, never through the app.
 */
@RestController
@Tag(name = "admin")
class SettingsController {

    private static final List<String> PREFIXES = List.of("clustergraph.", "server.", "spring.neo4j.", "management.", "logging.level.");
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|credential).*");

    private final ConfigurableEnvironment env;

    SettingsController(ConfigurableEnvironment env) {
        this.env = env;
    }

    record Setting(String name, String value) {
    }

    @GetMapping("/api/admin/settings")
    @Operation(summary = "Effective settings, secrets masked (admin, read-only) 系统设置（只读）")
    List<Setting> settings() {
        Map<String, String> out = new TreeMap<>();
        for (PropertySource<?> source : env.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> e) {
                for (String name : e.getPropertyNames()) {
                    if (PREFIXES.stream().anyMatch(name::startsWith) && !out.containsKey(name)) {
                        String value;
                        try {
                            value = env.getProperty(name);
                        } catch (RuntimeException unresolvable) {
                            value = "(unresolved)";
                        }
                        out.put(name, SECRET.matcher(name).matches() && value != null && !value.isEmpty() ? "******" : value);
                    }
                }
            }
        }
        return out.entrySet().stream().map(x -> new Setting(x.getKey(), x.getValue())).toList();
    }
}
