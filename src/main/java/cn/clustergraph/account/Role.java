package cn.clustergraph.account;

/** The roles of the programme's people (issue 13), each with its Chinese name as the office uses it. */
public enum Role {
    ADMIN("管理员"),
    COORDINATOR("工业强市办"),
    DEPARTMENT("部门"),
    TOWN("镇（街道）"),
    CHAIN("链长/链办"),
    INVESTMENT("招商"),
    ANALYST("分析"),
    VIEWER("只读");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority of this role ({@code ROLE_ADMIN}, …). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** A role by its name (any case) or Chinese label; null when there is none. */
    public static Role parse(String s) {
        if (s == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(s.strip()) || r.label.equals(s.strip())) {
                return r;
            }
        }
        return null;
    }
}
