package org.gridlink.residents;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The columns of a residents import file, by English key with their Chinese header names. Headers are matched
 * ignoring case, spaces and a byte order mark; unknown columns are ignored.
 */
final class ImportColumns {

	static final String ID_NUMBER = "id_number";
	static final String NAME = "name";
	static final String PHONE = "phone";
	static final String GRID = "grid_code";
	static final String COMPOUND = "compound";
	static final String BUILDING = "building";
	static final String UNIT = "unit";
	static final String ROOM = "room";
	static final String TAGS = "tags";
	static final String ADDRESS = "address";

	/** English key and Chinese header, in template order. */
	static final List<String[]> ALL = List.of(new String[] { ID_NUMBER, "身份证号" }, new String[] { NAME, "姓名" },
			new String[] { PHONE, "手机号" }, new String[] { GRID, "网格编码" }, new String[] { COMPOUND, "小区" },
			new String[] { BUILDING, "楼栋" }, new String[] { UNIT, "单元" }, new String[] { ROOM, "房号" },
			new String[] { TAGS, "标签" }, new String[] { ADDRESS, "地址" });

	private static final Map<String, String> ALIASES = new HashMap<>();

	static {
		for (String[] column : ALL) {
			ALIASES.put(column[0], column[0]);
			ALIASES.put(column[1], column[0]);
		}
		ALIASES.put("身份证号码", ID_NUMBER);
		ALIASES.put("公民身份号码", ID_NUMBER);
		ALIASES.put("手机号码", PHONE);
		ALIASES.put("联系电话", PHONE);
		ALIASES.put("电话", PHONE);
		ALIASES.put("网格", GRID);
		ALIASES.put("grid", GRID);
		ALIASES.put("entrance", UNIT);
		ALIASES.put("房间号", ROOM);
	}

	private final Map<String, Integer> index;

	private ImportColumns(Map<String, Integer> index) {
		this.index = index;
	}

	static ImportColumns of(List<String> header) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String key = ALIASES.get(clean(header.get(i)));
			if (key != null) {
				index.putIfAbsent(key, i);
			}
		}
		return new ImportColumns(index);
	}

	private static String clean(String header) {
		return header.replace("\uFEFF", "").replaceAll("[\\s\u3000*]+", "").toLowerCase(Locale.ROOT);
	}

	boolean has(String key) {
		return index.containsKey(key);
	}

	String get(List<String> cells, String key) {
		Integer i = index.get(key);
		if (i == null || i >= cells.size()) {
			return "";
		}
		@Nullable String value = cells.get(i);
		return value == null ? "" : value.strip().replace('\u3000', ' ').strip();
	}
}
