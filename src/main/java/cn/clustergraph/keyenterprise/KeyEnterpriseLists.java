package cn.clustergraph.keyenterprise;

import java.time.OffsetDateTime;
import java.util.List;

/** Records of a chain's 重点企业清单 (key-enterprise list): what a chain office puts and what the API answers. */
final class KeyEnterpriseLists {

    private KeyEnterpriseLists() {
    }

    /** The whole new list (enterprise ids, i.e. credit codes, in order) and a note; it becomes a new version. */
    record ListRequest(List<String> enterprises, String note) {
    }

    /** An enterprise on the list, with the flags that keep sample data recognisable. */
    record Entry(String id, String name, Boolean local, Boolean sample) {
    }

    /** One version of the list; {@code current} is false once a later one superseded it. */
    record ListVersion(String id, String chain, int version, boolean current, String note, OffsetDateTime createdAt,
                       String createdBy, List<Entry> enterprises) {
    }

    /** A chain's list: the current version (null before the first), every version newest first, and whether I may edit. */
    record ChainList(String chain, boolean canEdit, ListVersion current, List<ListVersion> history) {
    }
}
