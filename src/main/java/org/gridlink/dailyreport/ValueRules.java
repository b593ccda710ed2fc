package org.gridlink.dailyreport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The values of a report checked against its form, pure: an unknown field, a value of the wrong kind, a choice that
 * is not an option, a text too long, and (when submitting) a required field left empty are each refused with that
 * field's message. Values come as typed by a page (text) or as JSON (numbers or text); what comes back is in the
 * form's order: a {@link Long} for an integer, a {@link BigDecimal} for a decimal, text for text and choice.
 */
final class ValueRules {

	static final long MAX_INTEGER = 1_000_000_000L;
	static final BigDecimal MAX_DECIMAL = new BigDecimal("1000000000000");
	static final int MAX_TEXT = 500;

	private ValueRules() {
	}

	static Map<String, Object> check(ReportForm form, Map<String, ?> raw, boolean submitting) {
		List<ValueProblems.Problem> problems = new ArrayList<>();
		for (String key : raw.keySet()) {
			if (form.field(key).isEmpty()) {
				problems.add(new ValueProblems.Problem(key, "dailyreport.value.unknown", new Object[] { key }));
			}
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (ReportField field : form.fields()) {
			Object given = raw.get(field.key());
			if (blank(given)) {
				if (submitting && field.required()) {
					problems.add(problem(field, "dailyreport.value.required"));
				}
				continue;
			}
			Object value = parse(field, given);
			if (value == null) {
				problems.add(switch (field.kind()) {
					case INTEGER -> problem(field, "dailyreport.value.integer", MAX_INTEGER);
					case DECIMAL -> problem(field, "dailyreport.value.decimal");
					case TEXT -> problem(field, "dailyreport.value.text", MAX_TEXT);
					case CHOICE -> problem(field, "dailyreport.value.choice", String.join(" / ", field.options()));
				});
			}
			else {
				values.put(field.key(), value);
			}
		}
		if (!problems.isEmpty()) {
			throw new ValueProblems(problems);
		}
		return values;
	}

	/** A stored value read back as the field's type; null when it no longer fits (the form changed). */
	static @Nullable Object parse(ReportField field, @Nullable Object given) {
		if (blank(given)) {
			return null;
		}
		return switch (field.kind()) {
			case INTEGER -> integer(given);
			case DECIMAL -> decimal(given);
			case TEXT -> given instanceof String s && s.strip().length() <= MAX_TEXT ? s.strip() : null;
			case CHOICE -> given instanceof String s && field.options().contains(s.strip()) ? s.strip() : null;
		};
	}

	private static @Nullable Long integer(Object given) {
		BigDecimal number = number(given);
		if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.valueOf(MAX_INTEGER)) > 0) {
			return null;
		}
		try {
			return number.stripTrailingZeros().toBigIntegerExact().longValueExact();
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	private static @Nullable BigDecimal decimal(Object given) {
		BigDecimal number = number(given);
		if (number == null || number.abs().compareTo(MAX_DECIMAL) >= 0 || number.scale() > 4) {
			return null;
		}
		return number;
	}

	private static @Nullable BigDecimal number(Object given) {
		if (given instanceof Integer || given instanceof Long || given instanceof Short || given instanceof BigInteger) {
			return new BigDecimal(given.toString());
		}
		if (given instanceof BigDecimal d) {
			return d;
		}
		if (given instanceof Double || given instanceof Float) {
			double d = ((Number) given).doubleValue();
			return Double.isFinite(d) ? new BigDecimal(given.toString()) : null;
		}
		if (given instanceof String s && s.strip().matches("-?\\d{1,13}(\\.\\d{1,6})?")) {
			return new BigDecimal(s.strip());
		}
		return null;
	}

	private static boolean blank(@Nullable Object given) {
		return given == null || given instanceof String s && s.isBlank();
	}

	private static ValueProblems.Problem problem(ReportField field, String key, Object... more) {
		Object[] args = new Object[more.length + 1];
		args[0] = field.label();
		System.arraycopy(more, 0, args, 1, more.length);
		return new ValueProblems.Problem(field.key(), key, args);
	}
}
