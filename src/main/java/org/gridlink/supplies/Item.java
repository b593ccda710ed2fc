package org.gridlink.supplies;

import java.util.Locale;

/** An item of the reserves catalogue with its unit of measure, in Chinese and English. */
public record Item(String code, String nameZh, String nameEn, String unitZh, String unitEn, String category) {

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}

	public String unit(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? unitZh : unitEn;
	}
}
