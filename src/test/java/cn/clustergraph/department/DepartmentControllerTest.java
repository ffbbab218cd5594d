package cn.clustergraph.department;

import cn.clustergraph.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Web slice: JSON shape of the department endpoints and problem+json for unknown names (as a signed-in viewer). */
@WebMvcTest(DepartmentController.class)
@WithMockUser(roles = "VIEWER")
class DepartmentControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DepartmentService service;

    @Test
    void listIsJsonRecords() throws Exception {
        given(service.list()).willReturn(List.of(new DepartmentViews.DepartmentSummary("市经信局", null, "市政府部门", List.of("经信局"), 19, 18, 20)));
        mvc.perform(get("/api/departments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("市经信局"))
                .andExpect(jsonPath("$[0].leads").value(19))
                .andExpect(jsonPath("$[0].aliases[0]").value("经信局"));
    }

    @Test
    void unknownDepartmentIsProblemJson() throws Exception {
        given(service.detail("无此局")).willThrow(new NotFoundException("没有名为 无此局 的部门", "No department named '无此局'"));
        mvc.perform(get("/api/departments/{name}", "无此局"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.en").value("No department named '无此局'"))
                .andExpect(jsonPath("$.zh").value("没有名为 无此局 的部门"))
                .andExpect(jsonPath("$.detail").value("No department named '无此局' / 没有名为 无此局 的部门"));
    }
}
