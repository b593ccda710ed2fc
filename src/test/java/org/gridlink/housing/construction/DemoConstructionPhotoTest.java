package org.gridlink.housing.construction;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridlink.cases.PhotoCheck;
import org.junit.jupiter.api.Test;

/** The demo's progress photos are written without an image library: they must still pass the platform's photo check. */
class DemoConstructionPhotoTest {

	@Test
	void theDemoPhotosAreRealPngImages() {
		for (int seed = 0; seed < 3; seed++) {
			PhotoCheck.CheckedPhoto checked = PhotoCheck.check(DemoConstructionLoader.png(0x8d6e63, seed));
			assertThat(checked.contentType()).isEqualTo("image/png");
			assertThat(checked.bytes()).isNotEmpty();
		}
	}
}
