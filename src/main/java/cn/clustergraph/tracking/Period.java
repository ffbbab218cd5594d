package cn.clustergraph.tracking;

import cn.clustergraph.web.BadRequestException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tracking period of the programme: a year 2023–2027 ({@code quarter} 0) or one of its quarters ({@code 2024Q2}).
 * The one place that knows period names, their dates and when their reports fall due.
 */
public record Period(int year, int quarter) implements Comparable<Period> {

    public static final int FIRST_YEAR = 2023;
    public static final int LAST_YEAR = 2027;
    /** The office works in China Standard Time: a date ends at midnight UTC+8. */
    public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:\\s*[-_ ]?\\s*[Qq]([1-4]))?");

    public Period {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year " + year + " outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        if (quarter < 0 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter + " outside 0–4");
        }
    }

    /** {@code 2024Q2} or {@code 2024}; 400 naming {@code field} otherwise. */
    public static Period parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(field, field + " is required, e.g. 2024Q2 (" + FIRST_YEAR + "Q1–" + LAST_YEAR + "Q4) or 2024");
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new BadRequestException(field, field + " must look like 2024Q2 or 2024, not '" + text + "'");
        }
        int y = Integer.parseInt(m.group(1));
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw new BadRequestException(field, field + " must be within the programme's years " + FIRST_YEAR + "–" + LAST_YEAR
                    + ", not " + y);
        }
        return new Period(y, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** Every year and quarter of the programme, in order (each year before its quarters). */
    public static List<Period> all() {
        List<Period> out = new ArrayList<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            out.add(new Period(y, 0));
            for (int q = 1; q <= 4; q++) {
                out.add(new Period(y, q));
            }
        }
        return out;
    }

    /** The quarters from {@code from} to {@code to}, both included. */
    public static List<Period> quarters(Period from, Period to) {
        List<Period> out = new ArrayList<>();
        for (Period p = from.asQuarter(); p.compareTo(to.asQuarter()) <= 0; p = p.next()) {
            out.add(p);
            if (p.year() == LAST_YEAR && p.quarter() == 4) {
                break;
            }
        }
        return out;
    }

    public boolean isYear() {
        return quarter == 0;
    }

    /** A year stands for its fourth quarter where a quarter is needed (year-end figures). */
    public Period asQuarter() {
        return quarter == 0 ? new Period(year, 4) : this;
    }

    public String id() {
        return quarter == 0 ? Integer.toString(year) : year + "Q" + quarter;
    }

    /** 2024年第二季度 / 2024年. */
    public String label() {
        return quarter == 0 ? year + "年" : year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
    }

    public LocalDate start() {
        return quarter == 0 ? LocalDate.of(year, 1, 1) : LocalDate.of(year, quarter * 3 - 2, 1);
    }

    public LocalDate end() {
        return quarter == 0 ? LocalDate.of(year, 12, 31) : LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
    }

    /** The last day a report or figure of this period is on time: {@code dueDays} after the period ends. */
    public LocalDate due(int dueDays) {
        return end().plusDays(dueDays);
    }

    /** The first instant after the due day (UTC+8): a report recorded from then on is late, and missing is red. */
    public ZonedDateTime dueEnds(int dueDays) {
        return due(dueDays).plusDays(1).atStartOfDay(ZONE);
    }

    /** Quarters of the year elapsed at the end of this period (4 for a year). */
    public int quartersElapsed() {
        return quarter == 0 ? 4 : quarter;
    }

    /** The quarter before (2024Q1 → 2023Q4); null before 2023Q1. Years: the year before, or null. */
    public Period previous() {
        if (quarter == 0) {
            return year > FIRST_YEAR ? new Period(year - 1, 0) : null;
        }
        if (quarter > 1) {
            return new Period(year, quarter - 1);
        }
        return year > FIRST_YEAR ? new Period(year - 1, 4) : null;
    }

    /** The quarter after (2024Q4 → 2025Q1); the last quarter stays itself. */
    public Period next() {
        Period q = asQuarter();
        if (q.quarter < 4) {
            return new Period(year, q.quarter + 1);
        }
        return year < LAST_YEAR ? new Period(year + 1, 1) : q;
    }

    @Override
    public int compareTo(Period o) {
        int c = Integer.compare(year, o.year);
        return c != 0 ? c : Integer.compare(quarter == 0 ? 5 : quarter, o.quarter == 0 ? 5 : o.quarter);
    }

    @Override
    public String toString() {
        return id();
    }
}
