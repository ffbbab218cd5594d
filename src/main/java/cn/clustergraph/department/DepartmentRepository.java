package cn.clustergraph.department;

import org.springframework.data.neo4j.repository.Neo4jRepository;
import org.springframework.data.neo4j.repository.query.Query;

import java.util.Optional;

/** Loads a department by its canonical name or by any alias the document or users use. */
interface DepartmentRepository extends Neo4jRepository<Department, String> {

    @Query("""
            MATCH (d:Department)
            WHERE d.name = $name OR $name IN d.aliases OR d.fullName = $name
            RETURN d ORDER BY CASE WHEN d.name = $name THEN 0 ELSE 1 END LIMIT 1""")
    Optional<Department> findByNameOrAlias(String name);
}
