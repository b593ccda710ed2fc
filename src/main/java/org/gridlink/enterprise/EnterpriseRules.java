package org.gridlink.enterprise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.gridlink.platform.InvalidInputException;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Checks an enterprise's input, pure: every problem at once, one per field (the form shows each beside its field,
 * the API answers the first, an import reports them all for the row). The message of each names the field.
 *
 * @param gridExists whether a grid with this code exists
 */
record EnterpriseRules(Predicate<String> gridExists) {

	static final int MAX_NAME = 200;
	static final int MAX_PERSON = 50;
	static final int MAX_ADDRESS = 300;

	/** Input that passed: normalised and trimmed, blanks as null. */
	record Valid(String creditCode, String name, @Nullable String legalRepresentative, @Nullable String industry,
			@Nullable String size, @Nullable String address, String gridCode, @Nullable Boolean key,
			@Nullable String contactPhone) {
	}

	/** {@code field -> problem}, in the order of the form; empty when the input is valid. */
	Map<String, InvalidInputException> problems(EnterpriseInput in) {
		Map<String, InvalidInputException> problems = new LinkedHashMap<>();
		CreditCode.problemOf(in.creditCode()).ifPresent(p -> problems.put("creditCode",
				new InvalidInputException(p.messageKey(), cut(CreditCode.normalise(in.creditCode())))));
		String name = clean(in.name());
		if (name == null || name.length() < 2 || name.length() > MAX_NAME) {
			problems.put("name", new InvalidInputException("enterprise.name.invalid", MAX_NAME));
		}
		String person = clean(in.legalRepresentative());
		if (person != null && person.length() > MAX_PERSON) {
			problems.put("legalRepresentative", new InvalidInputException("enterprise.legalRepresentative.invalid",
					MAX_PERSON));
		}
		if (clean(in.industry()) != null && Industries.parse(in.industry()).isEmpty()) {
			problems.put("industry", new InvalidInputException("enterprise.industry.invalid", cut(in.industry())));
		}
		if (clean(in.size()) != null && EnterpriseSizes.parse(in.size()).isEmpty()) {
			problems.put("size", new InvalidInputException("enterprise.size.invalid", cut(in.size())));
		}
		String address = clean(in.address());
		if (address != null && address.length() > MAX_ADDRESS) {
			problems.put("address", new InvalidInputException("enterprise.address.invalid", MAX_ADDRESS));
		}
		String grid = clean(in.gridCode());
		if (grid == null) {
			problems.put("gridCode", new InvalidInputException("enterprise.gridCode.missing"));
		}
		else if (grid.length() != 15 || !grid.chars().allMatch(Character::isDigit) || !gridExists.test(grid)) {
			problems.put("gridCode", new InvalidInputException("enterprise.gridCode.unknown", cut(grid)));
		}
		String phone = clean(in.contactPhone());
		if (phone != null && !PhoneNumber.isValid(PhoneNumber.normalise(phone))) {
			problems.put("contactPhone", new InvalidInputException("enterprise.contactPhone.invalid"));
		}
		return problems;
	}

	/** The input made ready to store; call only when {@link #problems} is empty. */
	static Valid valid(EnterpriseInput in) {
		String phone = clean(in.contactPhone());
		return new Valid(CreditCode.normalise(in.creditCode()), clean(in.name()), clean(in.legalRepresentative()),
				Industries.parse(in.industry()).map(Industries.Industry::code).orElse(null),
				EnterpriseSizes.parse(in.size()).orElse(null), clean(in.address()), clean(in.gridCode()), in.key(),
				phone == null ? null : PhoneNumber.normalise(phone));
	}

	static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String s = text.replace('\u3000', ' ').strip().replaceAll("\\s+", " ");
		return s.isEmpty() ? null : s;
	}

	private static String cut(@Nullable String text) {
		String s = text == null ? "" : text.strip();
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
