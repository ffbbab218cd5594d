package cn.clustergraph.register;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GB 32100-2015 credit codes: published codes of real enterprises pass; each kind of damage is named precisely. */
class CreditCodeTest {

    /** Codes printed on the business licences of well-known enterprises (public registration data). */
    @ParameterizedTest
    @ValueSource(strings = {
            "914403001922038216", // 华为技术有限公司
            "91440300708461136T", // 深圳市腾讯计算机系统有限公司
            "91330100799655058B", // 阿里巴巴（中国）有限公司
            "91110108551385082Q", // 小米科技有限责任公司
            "91110000710926094P"  // 中国石油化工股份有限公司
    })
    void realWorldCodesAreValid(String code) {
        assertThat(CreditCode.problems(code)).isEmpty();
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(CreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
        assertThat(CreditCode.organisationCheck(code.substring(8, 16))).isEqualTo(code.charAt(16));
    }

    @Test
    void wrongCheckCharacterIsNamedWithTheExpectedOne() {
        assertThat(CreditCode.problems("914403001922038217"))
                .containsExactly("check character (position 18) is '7', expected '6'");
    }

    @Test
    void wrongOrganisationCodeCheckIsNamed() {
        // 华为's organisation code 19220382-1 with its check character changed to 2 (the final check recomputed so only it is wrong)
        String first17 = "91440300192203822";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.problems(code)).containsExactly(
                "organisation code 192203822 (positions 9-17) has check character '2', GB 11714 expects '1'");
    }

    @Test
    void lengthAndCharacterSetAreCheckedBeforeCheckCharacters() {
        assertThat(CreditCode.problems("91440300192203821")).containsExactly("'91440300192203821' has 17 characters; a 统一社会信用代码 has 18");
        assertThat(CreditCode.problems("9144030019220382166")).hasSize(1).first().asString().contains("has 19 characters");
        assertThat(CreditCode.problems("91440300I92203821O")).containsExactly(
                "character 'I' at position 9 is not allowed: only 0-9, A-H, J-N, P-R, T, U, W-Y (I, O, S, V and Z are never used)",
                "character 'O' at position 18 is not allowed: only 0-9, A-H, J-N, P-R, T, U, W-Y (I, O, S, V and Z are never used)");
        assertThat(CreditCode.problems("91440300708461136t")).singleElement().asString().contains("(use capital letters)");
        assertThat(CreditCode.problems("９1440300708461136T")).singleElement().asString().contains("full-width");
        assertThat(CreditCode.problems("")).containsExactly("统一社会信用代码 is empty");
    }

    @Test
    void registrationAuthorityTypeAndDivisionAreChecked() {
        String bad = "0" + "914403001922038216".substring(1);
        assertThat(CreditCode.problems(bad)).first().asString().startsWith("position 1 (registration authority");
        String type = "90" + "914403001922038216".substring(2);
        assertThat(CreditCode.problems(type)).first().asString().startsWith("position 2 (entity type");
        String division = "9144A300192203821";
        assertThat(CreditCode.problems(division + CreditCode.checkCharacter(division))).containsExactly(
                "positions 3-8 (administrative division, 行政区划码) '44A300' must be six digits");
    }

    @Test
    void ofBuildsValidCodes() {
        String code = CreditCode.of('9', '1', "330482", "MA28AXUU");
        assertThat(code).hasSize(18).startsWith("91330482MA28AXUU");
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThatThrownBy(() -> CreditCode.checkCharacter("123")).isInstanceOf(IllegalArgumentException.class);
    }
}
