package cn.clustergraph.register;

import java.util.ArrayList;
import java.util.List;

/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from {@code 0-9 A-H J-N P-R T U W-Y}
 * (no I, O, S, V, Z):
 * <ol>
 *   <li>position 1: registration authority (登记管理部门码: 1 机构编制, 5 民政, 9 工商, Y 其他 …)</li>
 *   <li>position 2: entity type (机构类别码, a digit 1–9)</li>
 *   <li>positions 3–8: administrative division (行政区划码, six digits; 330482 = 平湖市)</li>
 *   <li>positions 9–17: the 9-character organisation code (组织机构代码, GB 11714: eight body characters and a
 *       check character, weights 3,7,9,10,5,8,4,2, mod 11, 10 → X, 11 → 0)</li>
 *   <li>position 18: check character, mod 31 over the first 17 with weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28</li>
 * </ol>
 */
public final class CreditCode {

    /** The 31 characters a code may contain, in value order (0–30). */
    public static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Registration authority codes in use (GB 32100-2015 and later assignments). */
    public static final String AUTHORITIES = "123456789ANY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCode() {
    }

    /** True when {@code code} is a well-formed code with both check characters right. */
    public static boolean isValid(String code) {
        return problems(code).isEmpty();
    }

    /**
     * What is wrong with {@code code}, in words an official can act on; empty when it is valid. Check characters are
     * only checked once length and character set are right.
     */
    public static List<String> problems(String code) {
        List<String> out = new ArrayList<>();
        if (code == null || code.isEmpty()) {
            out.add("统一社会信用代码 is empty");
            return out;
        }
        if (code.length() != 18) {
            out.add("'" + code + "' has " + code.codePointCount(0, code.length()) + " characters; a 统一社会信用代码 has 18");
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (CHARS.indexOf(c) < 0) {
                String hint = Character.isLowerCase(c) ? " (use capital letters)"
                        : "IOSVZ".indexOf(c) >= 0 ? " (I, O, S, V and Z are never used)"
                        : c > 0x7F ? " (full-width or non-ASCII character)" : "";
                out.add("character '" + c + "' at position " + (i + 1) + " is not allowed: only 0-9, A-H, J-N, P-R, T, U, W-Y" + hint);
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            out.add("position 1 (registration authority, 登记管理部门码) '" + code.charAt(0) + "' is not one of " + AUTHORITIES);
        }
        if (code.charAt(1) < '1' || code.charAt(1) > '9') {
            out.add("position 2 (entity type, 机构类别码) '" + code.charAt(1) + "' is not a digit 1-9");
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                out.add("positions 3-8 (administrative division, 行政区划码) '" + code.substring(2, 8) + "' must be six digits");
                break;
            }
        }
        char org = organisationCheck(code.substring(8, 16));
        if (code.charAt(16) != org) {
            out.add("organisation code " + code.substring(8, 17) + " (positions 9-17) has check character '" + code.charAt(16)
                    + "', GB 11714 expects '" + org + "'");
        }
        char check = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != check) {
            out.add("check character (position 18) is '" + code.charAt(17) + "', expected '" + check + "'");
        }
        return out;
    }

    /** The GB 32100 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' is not allowed");
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARS.charAt(c == 31 ? 0 : c);
    }

    /** The GB 11714 check character for the eight body characters of an organisation code (0-9 → 0-9, A-Z → 10-35). */
    public static char organisationCheck(String body8) {
        if (body8.length() != 8) {
            throw new IllegalArgumentException("need 8 characters, got " + body8.length());
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : (ch >= 'A' && ch <= 'Z') ? ch - 'A' + 10 : -1;
            if (v < 0) {
                throw new IllegalArgumentException("character '" + ch + "' is not allowed in an organisation code");
            }
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /**
     * Builds a valid code from its parts, computing both check characters.
     *
     * @param authority registration authority character (e.g. '9')
     * @param type      entity type digit (e.g. '1' = 企业)
     * @param division  six-digit administrative division (e.g. 330482)
     * @param orgBody   the eight body characters of the organisation code (from {@link #CHARS})
     */
    public static String of(char authority, char type, String division, String orgBody) {
        String first17 = "" + authority + type + division + orgBody + organisationCheck(orgBody);
        return first17 + checkCharacter(first17);
    }
}
