package org.gridlink.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A place counts for itself and each ancestor up to its district, written out per level. */
class PlacesTest {

	@Test
	void eachLevelCountsUpToTheDistrict() {
		assertThat(Places.upward("320819001001001")).containsExactly("320819001001001", "320819001001", "320819001000",
				"320819000000");
		assertThat(Places.upward("320819001001")).containsExactly("320819001001", "320819001000", "320819000000");
		assertThat(Places.upward("320819001000")).containsExactly("320819001000", "320819000000");
		assertThat(Places.upward("320819000000")).containsExactly("320819000000");
		assertThat(Places.upward("not a code")).isEmpty();
	}
}
