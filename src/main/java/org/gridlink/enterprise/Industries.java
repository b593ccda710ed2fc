package org.gridlink.enterprise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The sections (门类) of GB/T 4754-2017, the national classification of economic activities: a letter A–T and its name
 * in Chinese and English. An import cell may give the letter (either case) or the Chinese name.
 */
public final class Industries {

	/** One section: its letter and names. */
	public record Industry(String code, String nameZh, String nameEn) {

		public String name(@Nullable Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}
	}

	public static final List<Industry> ALL = List.of(
			new Industry("A", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
			new Industry("B", "采矿业", "Mining"),
			new Industry("C", "制造业", "Manufacturing"),
			new Industry("D", "电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water supply"),
			new Industry("E", "建筑业", "Construction"),
			new Industry("F", "批发和零售业", "Wholesale and retail trade"),
			new Industry("G", "交通运输、仓储和邮政业", "Transport, storage and postal services"),
			new Industry("H", "住宿和餐饮业", "Accommodation and catering"),
			new Industry("I", "信息传输、软件和信息技术服务业", "Information transmission, software and IT services"),
			new Industry("J", "金融业", "Finance"),
			new Industry("K", "房地产业", "Real estate"),
			new Industry("L", "租赁和商务服务业", "Leasing and business services"),
			new Industry("M", "科学研究和技术服务业", "Scientific research and technical services"),
			new Industry("N", "水利、环境和公共设施管理业", "Water conservancy, environment and public facilities"),
			new Industry("O", "居民服务、修理和其他服务业", "Resident services, repair and other services"),
			new Industry("P", "教育", "Education"),
			new Industry("Q", "卫生和社会工作", "Health and social work"),
			new Industry("R", "文化、体育和娱乐业", "Culture, sports and entertainment"),
			new Industry("S", "公共管理、社会保障和社会组织", "Public administration, social security and social organisations"),
			new Industry("T", "国际组织", "International organisations"));

	private static final Map<String, Industry> BY_CODE = new LinkedHashMap<>();
	private static final Map<String, Industry> BY_NAME = new LinkedHashMap<>();

	static {
		for (Industry industry : ALL) {
			BY_CODE.put(industry.code(), industry);
			BY_NAME.put(industry.nameZh(), industry);
			BY_NAME.put(industry.nameEn().toLowerCase(Locale.ROOT), industry);
		}
	}

	private Industries() {
	}

	public static Optional<Industry> of(@Nullable String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.strip().toUpperCase(Locale.ROOT)));
	}

	/** A section by its letter (either case), its Chinese name or its English name (any case). */
	public static Optional<Industry> parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String clean = text.strip();
		Optional<Industry> byCode = of(clean);
		return byCode.isPresent() ? byCode
				: Optional.ofNullable(BY_NAME.getOrDefault(clean, BY_NAME.get(clean.toLowerCase(Locale.ROOT))));
	}

	/** The section's name in the locale's language, or the code itself when it names none. */
	public static String name(@Nullable String code, @Nullable Locale locale) {
		return of(code).map(i -> i.name(locale)).orElse(code == null ? "" : code);
	}
}
