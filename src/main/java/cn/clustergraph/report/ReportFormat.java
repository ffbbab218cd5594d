package cn.clustergraph.report;

import cn.clustergraph.export.TableExport;
import cn.clustergraph.web.BadRequestException;

import java.util.Locale;

/** The three ways a report result is delivered, and how a request or command line picks one. */
enum ReportFormat {
    JSON("application/json", "json"), CSV(TableExport.CSV_MEDIA_TYPE, "csv"), XLSX(TableExport.XLSX_MEDIA_TYPE, "xlsx");

    final String mediaType;
    final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@code format} (json/csv/xlsx) wins; else the Accept header (text/csv, the xlsx media type); else JSON. */
    static ReportFormat pick(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                case "xlsx", "excel" -> XLSX;
                default -> throw new BadRequestException("format", "format 须为 json、csv 或 xlsx，不能是 " + format,
                    "format must be json, csv or xlsx, not '" + format + "'");
            };
        }
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.contains("text/csv")) {
            return CSV;
        }
        if (a.contains("spreadsheetml") || a.contains("application/vnd.ms-excel")) {
            return XLSX;
        }
        return JSON;
    }
}
