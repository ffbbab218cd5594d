package cn.clustergraph.tracking;

import cn.clustergraph.web.BadRequestException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * "As of" a moment: every view can be asked what was recorded before it (what the bulletin of 2024Q2 said then).
 * {@code 2024-07-20} means the end of that day (UTC+8), an ISO date-time that instant, a period ({@code 2024Q2}) the end
 * of its due day; empty means now.
 */
public final class AsOf {

    private AsOf() {
    }

    /** The exclusive upper bound of {@code recordedAt} for a view as of {@code text}. */
    public static ZonedDateTime parse(String text, int dueDays) {
        if (text == null || text.isBlank()) {
            return ZonedDateTime.now(Period.ZONE).plusSeconds(1);
        }
        String v = text.strip();
        try {
            if (v.length() == 10 && v.charAt(4) == '-') {
                return LocalDate.parse(v).plusDays(1).atStartOfDay(Period.ZONE);
            }
            if (v.contains("T")) {
                return OffsetDateTime.parse(v).toZonedDateTime().plusNanos(1);
            }
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf", "asOf must be a date (2024-07-20), an ISO date-time with offset or a period (2024Q2), not '" + text + "'");
        }
        return Period.parse("asOf", v).dueEnds(dueDays);
    }

    /** A stored temporal value (ZonedDateTime from the driver) as an offset date-time in UTC+8; null stays null. */
    static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().withOffsetSameInstant(Period.ZONE);
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(Period.ZONE);
        }
        return OffsetDateTime.from((TemporalAccessor) o).withOffsetSameInstant(Period.ZONE);
    }
}
