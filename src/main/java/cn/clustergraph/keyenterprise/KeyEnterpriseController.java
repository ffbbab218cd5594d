package cn.clustergraph.keyenterprise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/chains/{name}/key-enterprises}: a chain's 重点企业清单, read by everyone, replaced (as a new version) by its chain office. */
@RestController
@Tag(name = "chains")
class KeyEnterpriseController {

    private final KeyEnterpriseService lists;

    KeyEnterpriseController(KeyEnterpriseService lists) {
        this.lists = lists;
    }

    @GetMapping("/api/chains/{name}/key-enterprises")
    @Operation(summary = "A chain's key-enterprise list: current, every version, and whether I may edit 重点企业清单")
    KeyEnterpriseLists.ChainList list(@PathVariable String name) {
        return lists.list(name);
    }

    @PutMapping(path = "/api/chains/{name}/key-enterprises", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a chain's key-enterprise list with a new version (chain office or coordinator) 更新重点企业清单")
    KeyEnterpriseLists.ListVersion put(@PathVariable String name, @RequestBody KeyEnterpriseLists.ListRequest body) {
        return lists.put(name, body);
    }
}
