package org.gridlink.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 11643 check digit, derived birth date and gender, and normalisation of what people type. */
class IdNumberTest {

	@Test
	void theStandardsExampleIsValid() {
		IdNumber id = IdNumber.parse("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.genderCode()).isEqualTo(2);
		assertThat(id.addressCode()).isEqualTo("110105");
		assertThat(id.toString()).isEqualTo("110105********002X");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "11010519491231002x|11010519491231002X", " 110105 19491231 002X |11010519491231002X",
			"１１０１０５１９４９１２３１００２Ｘ|11010519491231002X", "１１０１０５１９４９１２３１００２ｘ|11010519491231002X" })
	void normalisesSpacesFullWidthAndLowerCaseX(String raw, String expected) {
		assertThat(IdNumber.normalise(raw)).isEqualTo(expected);
		assertThat(IdNumber.isValid(raw)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "11010519491231002Y, CHARACTERS", "110105194912310021, CHECK_DIGIT", "1101051949123100, LENGTH",
			"11010519490231002X, BIRTH_DATE", "11010521491231002X, BIRTH_DATE", "A1010519491231002X, CHARACTERS" })
	void rejectsWithTheReason(String raw, IdNumber.Problem problem) {
		assertThat(IdNumber.problemOf(raw)).contains(problem);
	}

	@Test
	void checkCharacterCoversAllElevenValues() {
		assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumber.problemOf("")).contains(IdNumber.Problem.EMPTY);
		assertThat(IdNumber.problemOf(null)).contains(IdNumber.Problem.EMPTY);
	}

	@ParameterizedTest
	@CsvSource({ "138 1234 5678, true", "+86 13812345678, true", "１３８１２３４５６７８, true", "010-12345678, true",
			"12812345678, false", "1381234567, false", "phone, false" })
	void phones(String raw, boolean valid) {
		assertThat(PhoneNumber.isValid(raw)).isEqualTo(valid);
	}
}
