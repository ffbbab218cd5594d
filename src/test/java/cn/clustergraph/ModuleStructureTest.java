package cn.clustergraph;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rooms hold: every top-level package under {@code cn.clustergraph} is a module (Spring Modulith), no module reaches
 * into another's sub-packages, and no two modules depend on each other in a cycle. Also writes the module diagram:
 * {@code mvn test -Dtest=ModuleStructureTest -Dmodules.docs=docs/modules} refreshes the committed one.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ClusterGraphApplication.class);

    @Test
    void modulesKeepTheirBoundariesAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void theRoomsAreTheOnesTheArchitectureNames() {
        assertThat(MODULES.stream().map(m -> m.getBasePackage().getName().substring("cn.clustergraph.".length())))
                .contains("register", "rollup", "sample", "bulkload", "csv", "notice", "programme", "indicator")
                .doesNotContain("importer", "policy", "target");
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES, System.getProperty("modules.docs", "target/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
