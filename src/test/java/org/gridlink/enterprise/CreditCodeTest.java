package org.gridlink.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** GB 32100 check character: published codes pass, one changed character fails, lower case is accepted. */
class CreditCodeTest {

	@Test
	void publishedCodesAreValid() {
		assertThat(CreditCode.problemOf("91110108551385082Q")).isEmpty();
		assertThat(CreditCode.problemOf("914403001922038216")).isEmpty();
		assertThat(CreditCode.checkCharacter("91110108551385082")).isEqualTo('Q');
	}

	@Test
	void aWrongCheckCharacterOrAnyChangedCharacterIsRefused() {
		assertThat(CreditCode.problemOf("91110108551385082R")).contains(CreditCode.Problem.CHECK);
		assertThat(CreditCode.problemOf("914403001922038217")).contains(CreditCode.Problem.CHECK);
		// each single substitution of the first 17 characters changes the check character
		String valid = "91110108551385082Q";
		for (int i = 0; i < 17; i++) {
			for (char c : CreditCode.ALPHABET.toCharArray()) {
				if (c != valid.charAt(i)) {
					String changed = valid.substring(0, i) + c + valid.substring(i + 1);
					assertThat(CreditCode.isValid(changed)).as(changed).isFalse();
				}
			}
		}
	}

	@Test
	void lowerCaseIsAcceptedAndNormalised() {
		assertThat(CreditCode.isValid("91110108551385082q")).isTrue();
		assertThat(CreditCode.normalise(" 91110108551385082q ")).isEqualTo("91110108551385082Q");
		assertThat(CreditCode.normalise("９１110108551385082ｑ")).isEqualTo("91110108551385082Q");
	}

	@Test
	void lengthAlphabetAndBlankAreToldApart() {
		assertThat(CreditCode.problemOf(null)).contains(CreditCode.Problem.MISSING);
		assertThat(CreditCode.problemOf("  ")).contains(CreditCode.Problem.MISSING);
		assertThat(CreditCode.problemOf("91110108551385082")).contains(CreditCode.Problem.LENGTH);
		assertThat(CreditCode.problemOf("91110108551385082QQ")).contains(CreditCode.Problem.LENGTH);
		// I, O, Z, S, V are not in the alphabet
		assertThat(CreditCode.problemOf("9111010855138508IQ")).contains(CreditCode.Problem.CHARACTER);
		assertThat(CreditCode.problemOf("91110108551385O82Q")).contains(CreditCode.Problem.CHARACTER);
		assertThat(CreditCode.problemOf("911101085513850S2Q")).contains(CreditCode.Problem.CHARACTER);
		assertThatThrownBy(() -> CreditCode.checkCharacter("123")).isInstanceOf(IllegalArgumentException.class);
	}
}
