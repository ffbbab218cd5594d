package cn.clustergraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of Cluster Graph 集群图谱: a Spring Boot app over an embedded (default) or external Neo4j. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClusterGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClusterGraphApplication.class, args);
    }
}
