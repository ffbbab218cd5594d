package cn.clustergraph.web;

import java.util.List;

/**
 * The banner every response carries when it contains sample data ({@code sample = true}, the notice text of the sample
 * dataset, e.g. "样例数据（虚构）Sample data (fictional)", and the sample datasets involved), or while a register's load
 * has not finished ({@code incomplete}: those datasets, named in the notice); null when neither applies.
 */
public record DataNotice(boolean sample, String notice, List<String> datasets, List<String> incomplete) {

    public DataNotice(boolean sample, String notice, List<String> datasets) {
        this(sample, notice, datasets, List.of());
    }
}
