package org.gridlink.platform;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules, one row per case: the password, the user name, the rules it breaks (in order). */
class PasswordPolicyTest {

	@ParameterizedTest(name = "{0} for {1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			correct horse battery | wang.wei    |
			Zq7-lake-morning      | li.na       |
			Demo#2026             | center      | password.policy.length,password.policy.common
			short                 | li.na       | password.policy.length
			null                  | li.na       | password.policy.length
			lina.likes.tea.2026   | lina        | password.policy.username
			myLINA-2026-spring    | lina        | password.policy.username
			woaini1314            | wang.wei    | password.policy.common
			WoAiNi1314!           | wang.wei    | password.policy.common
			1234567890            | wang.wei    | password.policy.common
			Aa12345678            | wang.wei    | password.policy.common
			qwertyuiop            | wang.wei    | password.policy.common
			a123456               | wang.wei    | password.policy.length,password.policy.common
			admin12345            | admin       | password.policy.username,password.policy.common
			""")
	void rules(String password, String username, String broken) {
		List<String> expected = broken == null ? List.of() : List.of(broken.split(","));
		assertThat(PasswordPolicy.problems(password, username)).isEqualTo(expected);
		assertThat(PasswordPolicy.isAcceptable(password, username)).isEqualTo(expected.isEmpty());
	}

	@org.junit.jupiter.api.Test
	void tooLongIsRefusedAndTheLimitIsCountedInCharacters() {
		assertThat(PasswordPolicy.problems("x".repeat(129) + "q7", "someone")).containsExactly("password.policy.tooLong");
		assertThat(PasswordPolicy.problems("我的密码是一句很长的话", "someone")).isEmpty();
		assertThat(PasswordPolicy.problems("我的密码很短", "someone")).containsExactly("password.policy.length");
	}
}
