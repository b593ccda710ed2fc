package org.gridlink.enterprise.support;

import org.gridlink.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Money of the ledger: fen shown as CNY with two decimals and thousands separators; typed yuan parsed exactly. */
class FenTest {

	@Test
	void showsYuanWithSeparatorsAndTwoDecimals() {
		assertThat(Fen.cny(0)).isEqualTo("¥0.00");
		assertThat(Fen.cny(5)).isEqualTo("¥0.05");
		assertThat(Fen.cny(123_456_789)).isEqualTo("¥1,234,567.89");
		assertThat(Fen.cny(100_000_000_00L)).isEqualTo("¥100,000,000.00");
		assertThat(Fen.cny(-150)).isEqualTo("-¥1.50");
	}

	@Test
	void parsesTypedYuan() {
		assertThat(Fen.parseYuan("amount", "1,234.5")).isEqualTo(123_450);
		assertThat(Fen.parseYuan("amount", " ¥80 ")).isEqualTo(8_000);
		assertThat(Fen.parseYuan("amount", "0.01")).isEqualTo(1);
		for (String bad : new String[] { "", "abc", "0", "-5", "1.234", "1e3x", "99999999999999" }) {
			assertThatThrownBy(() -> Fen.parseYuan("amount", bad)).as(bad).isInstanceOf(InvalidInputException.class)
					.satisfies(e -> assertThat(((InvalidInputException) e).arguments()).contains("amount"));
		}
	}
}
