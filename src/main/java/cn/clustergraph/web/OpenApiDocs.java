package cn.clustergraph.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, description and version (served at /v3/api-docs), in Chinese and English. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    static final String TITLE = "集群图谱 Cluster Graph API";

    static final String DESCRIPTION = """
            平湖市先进制造业集群培育工程（平政发〔2023〕38号）“四群八链”的知识图谱接口：方案、任务、部门、指标与目标进度、\
            产业链与缺链分析、招商对象、企业、检索、报表与只读 Cypher 控制台。样例企业数据为虚构，答复中以 dataNotice 标注。\
            所有错误均为 application/problem+json：type（/problems/<slug>）、title、status、detail、zh、en，及出错的 field。

            The knowledge-graph API of Pinghu's advanced-manufacturing cluster programme (four clusters, eight chains): \
            the programme, tasks, departments, indicators and target progress, chains and their gaps, investment-promotion \
            candidates, enterprises, search, reports and a read-only Cypher console. Sample enterprises are fictional and \
            marked by dataNotice. Every error is application/problem+json with type (/problems/<slug>), title, status, \
            detail, zh, en and the field at fault.""";

    @Bean
    OpenAPI clusterGraphOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties b = build.getIfAvailable();
        String version = b != null ? b.getVersion() : OpenApiDocs.class.getPackage().getImplementationVersion();
        return new OpenAPI().info(new Info().title(TITLE).description(DESCRIPTION)
                .version(version == null ? "development" : version)
                .license(new License().name("内部使用 Internal use")));
    }
}
