package org.gridlink.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridlink.shared.JurisdictionCode;
import org.junit.jupiter.api.Test;

/** The icon table picks the longest matching path; a place's breadcrumb runs from the district down. */
class IconsAndPlacesTest {

	final Icons icons = new Icons();

	@Test
	void theLongestMatchingPathChoosesTheIcon() {
		assertThat(icons.of("/")).isEqualTo("house");
		assertThat(icons.of("/cases")).isEqualTo("clipboard-check");
		assertThat(icons.of("/cases/123")).isEqualTo("clipboard-check");
		assertThat(icons.of("/cases/duty")).isEqualTo("headset");
		assertThat(icons.of("/cases?overdue=true&unit=3")).isEqualTo("alarm");
		assertThat(icons.of("/cases?status=HANDLED")).isEqualTo("patch-check");
		assertThat(icons.of("/checkpoints")).isEqualTo("signpost-split");
		assertThat(icons.of("/checkpoint")).isEqualTo("qr-code-scan");
		assertThat(icons.of("/casesx")).as("a prefix is a whole path step").isEqualTo("dot");
		assertThat(icons.of("/nowhere")).isEqualTo("dot");
	}

	@Test
	void aPlacesAncestryRunsFromTheDistrictDown() {
		assertThat(Places.ancestry(JurisdictionCode.of("320819001001001"))).containsExactly("320819000000",
				"320819001000", "320819001001", "320819001001001");
		assertThat(Places.ancestry(JurisdictionCode.of("320819001001"))).containsExactly("320819000000",
				"320819001000", "320819001001");
		assertThat(Places.ancestry(JurisdictionCode.of("320819001000"))).containsExactly("320819000000",
				"320819001000");
		assertThat(Places.ancestry(JurisdictionCode.of("320819000000"))).containsExactly("320819000000");
	}
}
