package cn.clustergraph.search;

/** Escapes user text for a Lucene full-text query ({@code db.index.fulltext.queryNodes}). */
public final class Lucene {

    private Lucene() {
    }

    public static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        // AND / OR / NOT are operators in Lucene's syntax: lower-case makes them plain words (the analyzer lower-cases anyway)
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
