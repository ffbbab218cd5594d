package cn.clustergraph;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** One field of every element of a JSON array, as a list: what API tests compare with the document's values. */
public final class JsonLists {

    private JsonLists() {
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    public static List<Long> numbers(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asLong()).toList();
    }
}
