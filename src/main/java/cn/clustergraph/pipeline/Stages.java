package cn.clustergraph.pipeline;

import cn.clustergraph.web.BadRequestException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one definition of a lead's stages and how they move: 线索 → 接洽 → 在谈 → 签约 → 开工 → 投产, or 终止 with a reason;
 * only forward moves (skipping is allowed) or 终止; a wrong move is corrected by a correction event back to a stage the
 * lead really passed, never by rewriting history. {@link #path} replays the events into the stages the lead is in effect
 * through, which every answer (current stage, funnel, conversion, days per stage, signed and produced dates) reads.
 */
public final class Stages {

    public static final String LEAD = "线索";
    public static final String CONTACT = "接洽";
    public static final String NEGOTIATING = "在谈";
    public static final String SIGNED = "签约";
    public static final String STARTED = "开工";
    public static final String PRODUCING = "投产";
    public static final String TERMINATED = "终止";

    /** The forward order. */
    public static final List<String> ORDER = List.of(LEAD, CONTACT, NEGOTIATING, SIGNED, STARTED, PRODUCING);

    /** Every stage a lead can be in (the forward order, then 终止). */
    public static final List<String> ALL = List.of(LEAD, CONTACT, NEGOTIATING, SIGNED, STARTED, PRODUCING, TERMINATED);

    private static final Map<String, String> ENGLISH = Map.of("lead", LEAD, "contact", CONTACT, "negotiating", NEGOTIATING,
            "signed", SIGNED, "started", STARTED, "producing", PRODUCING, "terminated", TERMINATED);

    private static final String ARROWS = String.join(" → ", ORDER) + "，或 终止 (or terminated)";

    private Stages() {
    }

    /** A stage by its Chinese name or English word (lead, contact, negotiating, signed, started, producing, terminated). */
    public static String parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field, field + " is required: one of " + ALL);
        }
        String v = value.strip();
        if (ALL.contains(v)) {
            return v;
        }
        String e = ENGLISH.get(v.toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new BadRequestException(field, "unknown stage '" + value + "': one of " + ALL + " (or " + ENGLISH.keySet().stream().sorted().toList() + ")");
        }
        return e;
    }

    /** Position in the forward order; 终止 and unknown are -1. */
    public static int index(String stage) {
        return ORDER.indexOf(stage);
    }

    /** Why a lead in {@code from} may not move to {@code to}, or null when it may. */
    public static String moveProblem(String from, String to) {
        if (TERMINATED.equals(from)) {
            return "the lead is 终止 (terminated): it moves no further; if the termination was wrong, correct it with a correction"
                    + " event back to the stage it was in (POST /api/leads/{id}/corrections)";
        }
        if (TERMINATED.equals(to)) {
            return null;
        }
        if (index(to) <= index(from)) {
            return "stages only move forward (" + ARROWS + "): " + from + " → " + to + " is " + (to.equals(from) ? "no move" : "backward")
                    + " 阶段只能向前推进；a wrong move is corrected by a correction event (POST /api/leads/{id}/corrections) back to a"
                    + " stage the lead passed, never by rewriting history";
        }
        return null;
    }

    /** One stage of a lead's effective path: entered on {@code date} by the event {@code event}. */
    public record Step(String stage, LocalDate date, String event) {
    }

    /** What {@link #path} replays: one stage event of a lead (kind create, move, terminate or correct). */
    public record Move(String kind, String to, LocalDate date, String event) {
    }

    /**
     * The stages a lead is in effect through, in order: the creation, each forward move or termination, and each correction
     * cutting the path back to the last time the lead entered its target stage (the wrong steps drop out; the events stay).
     */
    public static List<Step> path(List<Move> moves) {
        List<Step> path = new ArrayList<>();
        for (Move m : moves) {
            switch (m.kind()) {
                case "create", "move", "terminate" -> path.add(new Step(m.to(), m.date(), m.event()));
                case "correct" -> {
                    int at = lastIndexOf(path, m.to());
                    if (at >= 0) {
                        path.subList(at + 1, path.size()).clear();
                    }
                }
                default -> {
                }
            }
        }
        return path;
    }

    /** Why a lead with this path may not be corrected back to {@code to}, or null when it may. */
    public static String correctionProblem(List<Step> path, String to) {
        if (path.isEmpty()) {
            return "the lead has no stages";
        }
        int at = lastIndexOf(path, to);
        if (TERMINATED.equals(to) || at < 0 || at == path.size() - 1) {
            return "a correction goes back to a stage the lead passed before its current one (" + path.stream().map(Step::stage)
                    .limit(Math.max(0, path.size() - 1)).toList() + "); " + to + " is not one of them";
        }
        return null;
    }

    /** The current stage of a path. */
    public static String current(List<Step> path) {
        return path.isEmpty() ? LEAD : path.getLast().stage();
    }

    /** The furthest stage of the forward order the path reached (-1 for none). */
    public static int furthest(List<Step> path) {
        return path.stream().mapToInt(s -> index(s.stage())).max().orElse(-1);
    }

    /** When the path entered {@code stage}, or null. */
    public static LocalDate entered(List<Step> path, String stage) {
        int at = lastIndexOf(path, stage);
        return at < 0 ? null : path.get(at).date();
    }

    /** Completed days in each stage of the path (a stage left for the next one), as [stage index, days] pairs. */
    public static List<long[]> daysPerStage(List<Step> path) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            int idx = index(path.get(i).stage());
            if (idx >= 0) {
                out.add(new long[]{idx, ChronoUnit.DAYS.between(path.get(i).date(), path.get(i + 1).date())});
            }
        }
        return out;
    }

    private static int lastIndexOf(List<Step> path, String stage) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).stage().equals(stage)) {
                return i;
            }
        }
        return -1;
    }
}
