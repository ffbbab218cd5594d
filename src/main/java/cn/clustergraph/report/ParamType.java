package cn.clustergraph.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The parameter types a report header may declare, and the one place where a value from JSON, the command line or a
 * header default is checked and turned into what the driver sends to Neo4j.
 */
enum ParamType {
    STRING("String"), INTEGER("Integer"), FLOAT("Float"), BOOLEAN("Boolean"), DATE("Date"),
    LIST_OF_STRING("List<String>"), LIST_OF_INTEGER("List<Integer>");

    private final String label;

    ParamType(String label) {
        this.label = label;
    }

    @JsonValue
    String label() {
        return label;
    }

    static ParamType of(String label) {
        for (ParamType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return null;
    }

    static String labels() {
        return String.join(", ", Arrays.stream(values()).map(ParamType::label).toList());
    }

    /**
     * Converts a value: JSON values of the right kind pass; a text (command line, query string, header default) is
     * parsed. Lists accept a JSON array or a text separated by {@code |} or {@code ,}.
     *
     * @throws IllegalArgumentException with a message fit for the API caller
     */
    Object convert(Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (this) {
            case STRING -> {
                if (raw instanceof String s) {
                    yield s;
                }
                throw new IllegalArgumentException("expected a text (String), got " + describe(raw));
            }
            case INTEGER -> integer(raw);
            case FLOAT -> {
                if (raw instanceof Number n) {
                    yield n.doubleValue();
                }
                if (raw instanceof String s) {
                    try {
                        double d = Double.parseDouble(s.strip());
                        if (Double.isFinite(d)) {
                            yield d;
                        }
                    } catch (NumberFormatException ignored) {
                        // reported below
                    }
                }
                throw new IllegalArgumentException("expected a number (Float), got " + describe(raw));
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                if (raw instanceof String s) {
                    switch (s.strip().toLowerCase(Locale.ROOT)) {
                        case "true", "yes", "1", "是" -> {
                            yield true;
                        }
                        case "false", "no", "0", "否" -> {
                            yield false;
                        }
                        default -> {
                            // reported below
                        }
                    }
                }
                throw new IllegalArgumentException("expected true or false (Boolean), got " + describe(raw));
            }
            case DATE -> {
                if (raw instanceof String s) {
                    try {
                        yield LocalDate.parse(s.strip());
                    } catch (DateTimeParseException ignored) {
                        // reported below
                    }
                }
                if (raw instanceof LocalDate d) {
                    yield d;
                }
                throw new IllegalArgumentException("expected a date YYYY-MM-DD (Date), got " + describe(raw));
            }
            case LIST_OF_STRING, LIST_OF_INTEGER -> {
                List<?> items;
                if (raw instanceof Collection<?> c) {
                    items = new ArrayList<>(c);
                } else if (raw instanceof String s) {
                    items = s.isBlank() ? List.of() : Arrays.stream(s.split("[|,]")).map(String::strip).toList();
                } else {
                    throw new IllegalArgumentException("expected a list (" + label + "), got " + describe(raw));
                }
                ParamType element = this == LIST_OF_STRING ? STRING : INTEGER;
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) == null) {
                        throw new IllegalArgumentException("item " + (i + 1) + " of the list is null");
                    }
                    try {
                        out.add(element.convert(items.get(i)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("item " + (i + 1) + " of the list: " + e.getMessage());
                    }
                }
                yield List.copyOf(out);
            }
        };
    }

    private static Long integer(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(raw.toString());
            try {
                return d.longValueExact();
            } catch (ArithmeticException ignored) {
                // reported below
            }
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException("expected a whole number (Integer), got " + describe(raw));
    }

    private static String describe(Object raw) {
        String kind = switch (raw) {
            case String s -> "text";
            case Number n -> "number";
            case Boolean b -> "boolean";
            case Collection<?> c -> "list";
            case java.util.Map<?, ?> m -> "object";
            default -> raw.getClass().getSimpleName();
        };
        String shown = String.valueOf(raw);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return kind + " '" + shown + "'";
    }
}
