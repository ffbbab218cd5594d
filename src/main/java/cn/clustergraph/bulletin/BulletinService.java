package cn.clustergraph.bulletin;

import cn.clustergraph.export.TableExport;
import cn.clustergraph.scorecard.ScorecardService;
import cn.clustergraph.tracking.AsOf;
import cn.clustergraph.tracking.Lights;
import cn.clustergraph.tracking.Period;
import cn.clustergraph.tracking.TrackingRecords.Board;
import cn.clustergraph.tracking.TrackingRecords.IndicatorItem;
import cn.clustergraph.tracking.TrackingRecords.TaskItem;
import cn.clustergraph.tracking.TrackingService;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * 季度通报: the quarter's bulletin as a Word document in the usual government layout (title, 总体情况 with counts by light,
 * 指标完成情况, tasks behind schedule with their lead departments, town ranking, a 下步工作 section to edit) and the matching
 * XLSX 台账 — both from the same tracking board and scorecard, as of any moment.
 */
@Service
public class BulletinService {

    static final String FONT = "仿宋_GB2312";
    static final String TITLE_FONT = "方正小标宋简体";

    private final TrackingService tracking;
    private final ScorecardService scorecards;

    BulletinService(TrackingService tracking, ScorecardService scorecards) {
        this.tracking = tracking;
        this.scorecards = scorecards;
    }

    /** The period's board and town ranking as of {@code asOf} (default: now). */
    record Content(Period period, Board board, ScorecardService.Scorecard towns) {
    }

    Content content(String period, String asOf) {
        Period p = Period.parse("period", period).asQuarter();
        Board b = tracking.board(p, AsOf.parse(asOf, tracking.dueDays()), null);
        return new Content(p, b, scorecards.towns(p.id(), asOf));
    }

    static String title(Period p) {
        return "平湖市先进制造业集群培育工程" + p.label() + "推进情况通报";
    }

    /** Tasks behind schedule: red or yellow, in task order. */
    static List<TaskItem> behind(Board b) {
        return b.tasks().stream().filter(t -> t.light().colour().equals("RED") || t.light().colour().equals("YELLOW")).toList();
    }

    byte[] docx(Content c) {
        Board b = c.board();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, title(c.period()), TITLE_FONT, 22, true);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            run(sub, "平湖市工业强市建设领导小组办公室　" + b.asOf().toLocalDate() + "（数据截至）", FONT, 16, false);
            if (b.dataNotice() != null) {
                XWPFParagraph n = doc.createParagraph();
                n.setAlignment(ParagraphAlignment.CENTER);
                run(n, "【" + b.dataNotice().notice() + "】", FONT, 14, true);
            }
            heading(doc, "一、总体情况");
            body(doc, "本季度纳入跟踪的重点任务 " + b.tasks().size() + " 项，其中绿灯 " + b.taskCounts().green() + " 项、黄灯 "
                    + b.taskCounts().yellow() + " 项、红灯 " + b.taskCounts().red() + " 项、未到期或无法评价 " + b.taskCounts().grey()
                    + " 项；主要指标 " + b.indicators().size() + " 项，其中绿灯 " + b.indicatorCounts().green() + " 项、黄灯 "
                    + b.indicatorCounts().yellow() + " 项、红灯 " + b.indicatorCounts().red() + " 项、未评价 " + b.indicatorCounts().grey()
                    + " 项。季度进展应于 " + b.due() + " 前报送；黄灯为落后序时进度 " + Lights.fmt(b.rule().yellowPoints()) + "–"
                    + Lights.fmt(b.rule().redPoints()) + " 个百分点，红灯为落后超过 " + Lights.fmt(b.rule().redPoints())
                    + " 个百分点、逾期未报或任务受阻。");
            heading(doc, "二、指标完成情况");
            List<List<String>> ind = new ArrayList<>();
            for (IndicatorItem i : b.indicators()) {
                ind.add(indicatorRow(i));
            }
            table(doc, INDICATOR_COLUMNS, ind);
            heading(doc, "三、滞后任务");
            List<TaskItem> behind = behind(b);
            body(doc, "落后序时进度或未按时报送的任务共 " + behind.size() + " 项（红灯 " + b.taskCounts().red() + " 项、黄灯 "
                    + b.taskCounts().yellow() + " 项），请牵头单位抓紧推进：");
            List<List<String>> tasks = new ArrayList<>();
            for (TaskItem t : behind) {
                tasks.add(taskRow(t));
            }
            table(doc, TASK_COLUMNS, tasks);
            heading(doc, "四、镇（街道）排名");
            List<List<String>> rank = new ArrayList<>();
            for (ScorecardService.Row r : c.towns().rows()) {
                rank.add(rankRow(r));
            }
            table(doc, RANK_COLUMNS, rank);
            heading(doc, "五、下步工作");
            body(doc, "（请在此填写下步工作安排。）");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] xlsx(Content c) {
        Board b = c.board();
        List<List<?>> ind = new ArrayList<>();
        for (IndicatorItem i : b.indicators()) {
            ind.add(indicatorRow(i));
        }
        List<List<?>> towns = new ArrayList<>();
        for (IndicatorItem i : b.indicators()) {
            for (var t : i.towns()) {
                towns.add(List.of(i.id(), i.name(), t.town(), t.target() == null ? "" : Lights.fmt(t.target().value()),
                        t.expected() == null ? "" : Lights.fmt(t.expected()),
                        t.actual() == null || t.actual().value() == null ? "" : Lights.fmt(t.actual().value()), t.light().colourZh(),
                        t.light().reason()));
            }
        }
        List<List<?>> tasks = new ArrayList<>();
        for (TaskItem t : b.tasks()) {
            tasks.add(taskRow(t));
        }
        List<List<?>> rank = new ArrayList<>();
        for (ScorecardService.Row r : c.towns().rows()) {
            rank.add(rankRow(r));
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<List<String>> about = new ArrayList<>();
            about.add(List.of("通报", title(c.period())));
            about.add(List.of("数据截至", b.asOf().toString()));
            about.add(List.of("任务：绿/黄/红/灰", b.taskCounts().green() + "/" + b.taskCounts().yellow() + "/" + b.taskCounts().red() + "/" + b.taskCounts().grey()));
            about.add(List.of("指标：绿/黄/红/灰", b.indicatorCounts().green() + "/" + b.indicatorCounts().yellow() + "/" + b.indicatorCounts().red() + "/" + b.indicatorCounts().grey()));
            if (b.dataNotice() != null) {
                about.add(List.of("说明", b.dataNotice().notice()));
            }
            TableExport.xlsx(List.of(new TableExport.Table("指标完成情况", INDICATOR_COLUMNS, ind),
                    new TableExport.Table("镇街道指标", List.of("指标编号", "指标", "镇（街道）", "年目标", "序时进度", "实绩", "灯", "说明"), towns),
                    new TableExport.Table("任务台账", TASK_COLUMNS, tasks),
                    new TableExport.Table("镇街道排名", RANK_COLUMNS, rank)), about, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> INDICATOR_COLUMNS = List.of("指标编号", "指标", "单位", "类型", "年目标", "序时进度", "实绩", "灯", "说明");
    static final List<String> TASK_COLUMNS = List.of("任务", "牵头单位", "状态", "完成%", "灯", "原因", "审核");
    static final List<String> RANK_COLUMNS = List.of("排名", "镇（街道）", "得分", "上期排名", "变化");

    private static List<String> indicatorRow(IndicatorItem i) {
        return List.of(i.id(), i.name(), i.unit() == null ? "" : i.unit(), i.kindZh(),
                i.target() == null ? (i.targetText() == null ? "" : i.targetText()) : Lights.fmt(i.target().value()),
                i.expected() == null ? "" : Lights.fmt(i.expected()),
                i.actual() == null ? "" : i.actual().value() != null ? Lights.fmt(i.actual().value()) : String.valueOf(i.actual().status()),
                i.light().colourZh(), i.light().reason());
    }

    private static List<String> taskRow(TaskItem t) {
        return List.of("任务" + t.no(), t.lead() == null ? "" : t.lead(), t.report() == null ? "未报" : t.report().status(),
                t.report() == null || t.report().percent() == null ? "" : Lights.fmt(t.report().percent()), t.light().colourZh(),
                t.light().reason(), t.report() == null || t.report().review() == null ? "待审核" : t.report().review().decisionZh());
    }

    private static List<String> rankRow(ScorecardService.Row r) {
        return List.of(Integer.toString(r.rank()), r.name(), Lights.fmt(r.score()), r.previousRank() == null ? "" : r.previousRank().toString(),
                r.change() == null ? "" : (r.change() > 0 ? "↑" + r.change() : r.change() < 0 ? "↓" + (-r.change()) : "—"));
    }

    private static void heading(XWPFDocument doc, String text) {
        run(doc.createParagraph(), text, "黑体", 16, true);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        run(p, text, FONT, 16, false);
    }

    private static void table(XWPFDocument doc, List<String> columns, List<List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, columns.size());
        t.setWidth("100%");
        for (int c = 0; c < columns.size(); c++) {
            cell(t.getRow(0), c, columns.get(c), true);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                cell(t.getRow(r + 1), c, rows.get(r).get(c), false);
            }
        }
    }

    private static void cell(XWPFTableRow row, int c, String text, boolean bold) {
        XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
        run(p, text == null ? "" : text, FONT, 10, bold);
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(size);
        r.setBold(bold);
    }
}
