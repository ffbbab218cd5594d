package cn.clustergraph.startup;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The default warm-up paths reach the app as real Chinese names (Spring reads .properties files as ISO-8859-1). */
class WarmupPathsTest {

    @Test
    void defaultPathsDecodeToChineseNames() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        for (PropertySource<?> source : new PropertiesPropertySourceLoader().load("app", new ClassPathResource("application.properties"))) {
            env.getPropertySources().addLast(source);
        }
        List<String> paths = Arrays.stream(env.getRequiredProperty("clustergraph.warmup.paths").split(",")).map(String::strip).toList();
        assertThat(paths).contains("/api/chains/光电通信", "/api/departments/市经信局", "/api/enterprises?chain=新能源汽车&size=20",
                "/api/search?q=经信局", "/api/towns/经开区");
        assertThat(String.join(",", paths)).doesNotContainPattern("[\\u0080-\\u00ff]");
    }

    @Test
    void encodesOnlyNonAscii() {
        assertThat(Warmup.encode("/api/enterprises?chain=光电&size=20")).isEqualTo("/api/enterprises?chain=%E5%85%89%E7%94%B5&size=20");
    }
}
