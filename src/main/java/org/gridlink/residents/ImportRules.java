package org.gridlink.residents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridlink.platform.Scope;
import org.gridlink.shared.IdNumber;
import org.gridlink.shared.Masked;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Checks one data row of an import file and turns it into an {@link ImportRow}, or says everything that is wrong
 * with it (every problem of the row at once). Pure: the grids, the importer's scope and the tag names are given.
 *
 * @param grids codes of the grids that exist
 * @param scope the importer's scope; a row for a grid outside it is rejected
 * @param tags tag code and Chinese tag name (and lower-case code) → tag code
 * @param defaultGrid the grid for rows without a grid code, if any
 */
record ImportRules(Set<String> grids, Scope scope, Map<String, String> tags, @Nullable String defaultGrid) {

	static final String TAG_SEPARATORS = "[|;；,，、]+";
	private static final Pattern TAG_SPLIT = Pattern.compile(TAG_SEPARATORS);
	private static final String[] NO_TAGS = {};

	/** Problems with the header: the required columns that are missing (ID number, name; grid without a default). */
	List<String> missingColumns(ImportColumns columns) {
		List<String> missing = new ArrayList<>();
		for (String key : List.of(ImportColumns.ID_NUMBER, ImportColumns.NAME)) {
			if (!columns.has(key)) {
				missing.add(key);
			}
		}
		if (!columns.has(ImportColumns.GRID) && (defaultGrid == null || defaultGrid.isBlank())) {
			missing.add(ImportColumns.GRID);
		}
		return missing;
	}

	/** The row if it is valid; otherwise {@code problems} receives what is wrong and the result is null. */
	@Nullable ImportRow check(long row, List<String> cells, ImportColumns columns, List<RowProblem> problems) {
		int before = problems.size();
		String rawId = columns.get(cells, ImportColumns.ID_NUMBER);
		String id = IdNumber.normalise(rawId);
		IdNumber.problemOf(id).ifPresent(p -> problems.add(new RowProblem(row, ImportColumns.ID_NUMBER,
				maskId(id), "imports.idNumber." + p.name())));

		String name = Households.collapseSpaces(columns.get(cells, ImportColumns.NAME), " ");
		if (name.isEmpty()) {
			problems.add(new RowProblem(row, ImportColumns.NAME, "", "imports.name.missing"));
		}
		else if (name.length() > 50) {
			problems.add(new RowProblem(row, ImportColumns.NAME, name.substring(0, 50), "imports.name.tooLong"));
		}

		String rawPhone = columns.get(cells, ImportColumns.PHONE);
		String phone = rawPhone.isEmpty() ? null : PhoneNumber.normalise(rawPhone);
		if (phone != null && !PhoneNumber.isValid(phone)) {
			problems.add(new RowProblem(row, ImportColumns.PHONE, maskPhone(phone), "imports.phone.invalid"));
		}

		String grid = Households.collapseSpaces(columns.get(cells, ImportColumns.GRID), "");
		if (grid.isEmpty() && defaultGrid != null) {
			grid = defaultGrid.trim();
		}
		if (grid.isEmpty()) {
			problems.add(new RowProblem(row, ImportColumns.GRID, "", "imports.grid.missing"));
		}
		else if (!grids.contains(grid)) {
			problems.add(new RowProblem(row, ImportColumns.GRID, cut(grid), "imports.grid.unknown"));
		}
		else if (!scope.covers(grid)) {
			problems.add(new RowProblem(row, ImportColumns.GRID, grid, "imports.grid.outOfScope"));
		}

		String compound = Households.clean(columns.get(cells, ImportColumns.COMPOUND), 100);
		String building = Households.clean(columns.get(cells, ImportColumns.BUILDING), 30);
		String entrance = Households.clean(columns.get(cells, ImportColumns.UNIT), 20);
		String room = Households.clean(columns.get(cells, ImportColumns.ROOM), 30);
		String address = Households.clean(columns.get(cells, ImportColumns.ADDRESS), 200);
		if (address.isEmpty() && (compound.isEmpty() || room.isEmpty())) {
			problems.add(new RowProblem(row, compound.isEmpty() ? ImportColumns.COMPOUND : ImportColumns.ROOM, "",
					"imports.address.missing"));
		}

		Set<String> tagCodes = new LinkedHashSet<>();
		String tagCell = columns.get(cells, ImportColumns.TAGS);
		for (String tag : tagCell.isEmpty() ? NO_TAGS : TAG_SPLIT.split(tagCell)) {
			String clean = tag.strip();
			if (clean.isEmpty()) {
				continue;
			}
			String code = tags.get(clean);
			if (code == null) {
				code = tags.get(clean.toUpperCase(Locale.ROOT));
			}
			if (code == null) {
				problems.add(new RowProblem(row, ImportColumns.TAGS, cut(clean), "imports.tag.unknown"));
			}
			else {
				tagCodes.add(code);
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new ImportRow(row, grid, name, new IdNumber(id), phone, compound, building, entrance, room, address,
				Set.copyOf(tagCodes));
	}

	/** A rejected ID number masked as a valid one would be; a value of another length keeps less of itself. */
	static String maskId(String value) {
		return value.length() == 18 ? Masked.idNumber(value) : strict(value);
	}

	/** A rejected phone masked as a mobile number would be; a shorter value keeps less of itself. */
	static String maskPhone(String value) {
		return value.length() >= 11 ? Masked.phone(value) : strict(value);
	}

	private static String strict(String value) {
		String v = cut(value);
		return v.length() < 6 ? "*".repeat(v.length()) : v.substring(0, 2) + "*".repeat(v.length() - 4)
				+ v.substring(v.length() - 2);
	}

	private static String cut(String value) {
		return value.length() > 100 ? value.substring(0, 100) : value;
	}
}
