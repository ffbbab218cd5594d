package cn.clustergraph.report;

import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.department.DepartmentService;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import cn.clustergraph.web.ResponseSize;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.QueryType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a catalogued report with checked parameters in a READ transaction, after Neo4j's own planner has confirmed the
 * query is read-only, so no report file — bundled or dropped into the external folder — can change the graph.
 */
@Component
class ReportRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

    /** Declared parameters resolved as the API resolves them, so a report accepts the same names as the endpoints. */
    static final String CHAIN = "chain";
    static final String DEPARTMENT = "department";

    private final ReportCatalog catalog;
    private final Driver driver;
    private final ReportsProperties props;
    private final ChainNames chains;
    private final DepartmentService departments;
    /** EXPLAIN's query type per query text (a report's type cannot change without its text changing). */
    private final Map<String, QueryType> queryTypes = new ConcurrentHashMap<>();

    ReportRunner(ReportCatalog catalog, Driver driver, ReportsProperties props, ChainNames chains, DepartmentService departments) {
        this.catalog = catalog;
        this.driver = driver;
        this.props = props;
        this.chains = chains;
        this.departments = departments;
    }

    /**
     * A declared {@value #CHAIN} parameter becomes the chain's canonical name by {@link ChainNames} (name, alias, English
     * name), a {@value #DEPARTMENT} parameter the department's by {@link DepartmentService#resolve}; a name neither knows is
     * refused (400 "/problems/unknown-name" naming the parameter), as the endpoints answer 404 for it: an unknown name
     * never reads as "no rows". Reports therefore match on the canonical name only.
     */
    private Map<String, Object> resolveNames(Map<String, Object> given, boolean departmentInQuery) {
        Map<String, Object> params = new LinkedHashMap<>(given);
        if (params.get(CHAIN) instanceof String chain && !chain.isBlank()) {
            params.put(CHAIN, chains.resolve(chain).orElseThrow(() -> BadRequestException.unknownName(CHAIN,
                    "没有名为 " + chain + " 的产业链（名称、别名或英文名，见 GET /api/chains）",
                    "No chain named '" + chain + "' (a chain name, alias or English name; see GET /api/chains)")));
        }
        if (params.get(DEPARTMENT) instanceof String department && !department.isBlank() && !departmentInQuery) {
            params.put(DEPARTMENT, department(department));
        }
        return params;
    }

    /** The department's canonical name by {@link DepartmentService#resolve}, or 400 naming the parameter. */
    private String department(String department) {
        return departments.resolve(department).orElseThrow(() -> BadRequestException.unknownName(DEPARTMENT,
                "没有名为 " + department + " 的部门（名称、简称或全称，见 GET /api/departments）",
                "No department named '" + department + "' (a name, alias or full name; see GET /api/departments)"));
    }

    /**
     * Other name parameters checked against the graph the way the reports match them: an unknown town, honour, indicator,
     * section or task number is refused with 400 naming the parameter instead of an empty result.
     */
    private static final Map<String, String[]> NAME_CHECKS = Map.of(
            "town", new String[]{"MATCH (x:Town) WHERE x.name = $v OR $v IN coalesce(x.aliases, []) RETURN count(x) > 0 AS found",
                    "镇（街道）", "town (name or alias; see GET /api/towns)"},
            "honour", new String[]{"MATCH (x:Honour {name: $v}) RETURN count(x) > 0 AS found", "荣誉", "honour"},
            "indicator", new String[]{"MATCH (x:Indicator) WHERE x.id = $v OR x.name = $v RETURN count(x) > 0 AS found",
                    "指标（编号或名称）", "indicator (id or name; see GET /api/indicators)"},
            "section", new String[]{"MATCH (x:Section) WHERE x.id = $v OR x.no = $v RETURN count(x) > 0 AS found",
                    "章节（编号或序号）", "section (id or number)"},
            "no", new String[]{"MATCH (x:Task {no: $v}) RETURN count(x) > 0 AS found", "任务序号", "task number (1–62)"});

    private void checkNames(Map<String, Object> params, org.neo4j.driver.Session session, TransactionConfig config) {
        for (var e : params.entrySet()) {
            String[] check = NAME_CHECKS.get(e.getKey());
            Object v = e.getValue();
            if (check == null || v == null || (v instanceof String str && str.isBlank())) {
                continue;
            }
            boolean found = session.executeRead(tx -> tx.run(check[0], Map.of("v", v)).single().get("found").asBoolean(), config);
            if (!found) {
                throw BadRequestException.unknownName(e.getKey(), "没有这个" + check[1] + "：" + v,
                        "No " + check[2] + " '" + v + "'");
            }
        }
    }

    /** The report, or 404. */
    Report report(String name) {
        return catalog.find(name).orElseThrow(() -> new NotFoundException("没有名为 " + name + " 的报表（报表清单见 GET /api/reports）",
                "No report named '" + name + "' (GET /api/reports lists them)"));
    }

    /**
     * Checks the parameters against the header: unknown name or wrong type → 400 naming the parameter; a missing
     * required one → 400; absent or {@code null} → the default.
     */
    static Map<String, Object> parameters(Report report, Map<String, ?> given) {
        Map<String, ?> in = given == null ? Map.of() : given;
        for (String key : in.keySet()) {
            if (report.parameter(key) == null) {
                String names = String.join(", ", report.parameters().stream().map(Report.Param::name).toList());
                throw new BadRequestException(key, "报表 " + report.name() + " 没有参数 " + key
                        + (report.parameters().isEmpty() ? "（它不需要参数）" : "（参数：" + names + "）"),
                        "Report '" + report.name() + "' has no parameter '" + key + "'"
                        + (report.parameters().isEmpty() ? " (it takes none)" : " (parameters: " + names + ")"));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Report.Param p : report.parameters()) {
            Object raw = in.get(p.name());
            Object value;
            if (raw == null) {
                if (p.required()) {
                    throw new BadRequestException(p.name(), "缺少必填参数 " + p.name() + "（" + p.type().label() + "）",
                            "Parameter '" + p.name() + "' (" + p.type().label() + ") is required");
                }
                value = p.defaultValue();
            } else {
                try {
                    value = p.type().convert(raw);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(p.name(), "Parameter '" + p.name() + "': " + e.getMessage());
                }
            }
            out.put(p.name(), value);
        }
        return out;
    }

    ReportResult run(String name, Map<String, ?> given) {
        return run(report(name), given);
    }

    ReportResult run(Report report, Map<String, ?> given) {
        String name = report.name();
        if (!report.valid()) {
            throw new ReportException(409, name, "Report '" + name + "' cannot run, its file has problems: " + String.join("; ", report.errors()));
        }
        Map<String, Object> echoed = parameters(report, given);
        // a report that resolves the department itself (the sheet) runs without a round trip first; only when it
        // finds no rows is the name checked, so an unknown department still answers 400 and never "no rows"
        boolean departmentInQuery = DepartmentService.resolvedIn(report.query(), DEPARTMENT);
        Map<String, Object> params = resolveNames(echoed, departmentInQuery);
        long started = System.nanoTime();
        int max = props.maxRows();
        TransactionConfig config = TransactionConfig.builder().withTimeout(props.timeout())
                .withMetadata(Map.of("app", "cluster-graph", "report", name)).build();
        try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            checkNames(params, session, config);
            QueryType type = queryTypes.get(report.query());
            if (type == null) {
                try {
                    type = session.executeRead(tx -> tx.run("EXPLAIN " + report.query(), params).consume().queryType(), config);
                } catch (Neo4jException e) {
                    throw new ReportException(409, name, "Report '" + name + "' cannot run, Neo4j rejects its query: " + e.getMessage());
                }
                queryTypes.put(report.query(), type);
            }
            if (type != QueryType.READ_ONLY) {
                throw new ReportException(409, name, "Report '" + name + "' is refused: reports must be read-only, Neo4j plans this query as "
                        + type + " (it would change the graph)");
            }
            ReportResult result = session.executeRead(tx -> {
                var cursor = tx.run(report.query(), params);
                List<String> columns = cursor.keys();
                List<List<Object>> rows = new ArrayList<>();
                ResponseSize size = new ResponseSize(props.maxResponseSize());
                boolean truncated = false;
                while (cursor.hasNext()) {
                    if (rows.size() >= max) {
                        truncated = true;
                        break;
                    }
                    var record = cursor.next();
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(ResultValues.toJava(record.get(i)));
                    }
                    if (!size.admits(row)) {
                        truncated = true;  // this row and the rest are not returned
                        break;
                    }
                    rows.add(row);
                }
                return new ReportResult(name, report.title(), report.titleEn(), echoed, columns, rows, rows.size(), truncated,
                        size.truncatedBy(truncated), (System.nanoTime() - started) / 1_000_000);
            }, config);
            if (departmentInQuery && result.rowCount() == 0 && params.get(DEPARTMENT) instanceof String department && !department.isBlank()) {
                department(department);
            }
            log.debug("Report {} {}: {} rows in {} ms", name, echoed, result.rowCount(), result.millis());
            return result;
        } catch (Neo4jException e) {
            throw new ReportException(422, name, "Report '" + name + "' failed in Neo4j: " + e.code() + ": " + e.getMessage());
        }
    }
}
