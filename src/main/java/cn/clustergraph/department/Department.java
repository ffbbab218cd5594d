package cn.clustergraph.department;

import org.springframework.data.annotation.Version;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

import java.util.List;

/** A responsible body as a small entity, for name/alias resolution through the repository; read views use Cypher. */
@Node("Department")
public class Department {

    @Id
    private final String name;
    private final String fullName;
    private final String kind;
    private final List<String> aliases;
    @Version
    private Long version;

    public Department(String name, String fullName, String kind, List<String> aliases) {
        this.name = name;
        this.fullName = fullName;
        this.kind = kind;
        this.aliases = aliases == null ? List.of() : aliases;
    }

    public String getName() {
        return name;
    }

    public String getFullName() {
        return fullName;
    }

    public String getKind() {
        return kind;
    }

    public List<String> getAliases() {
        return aliases;
    }
}
