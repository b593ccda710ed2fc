package org.gridlink.supplies.necessities;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partner suppliers, the streets they deliver to and what they deliver (baskets and items with the price shown). */
@Service
public class Suppliers {

	public enum Kind {
		SUPERMARKET, LOGISTICS
	}

	/** One thing a supplier delivers; {@code priceCents} in fen; a basket lists its contents. */
	public record Item(long id, long supplierId, String name, String unit, int priceCents, boolean basket,
			String contents) {

		public String price() {
			return Money.yuan(priceCents);
		}
	}

	public record Supplier(long id, String name, Kind kind, String contact, List<String> streets, List<Item> items) {
	}

	/** A new item: name, unit, price in fen, basket or not, contents of a basket. */
	public record NewItem(@Nullable String name, @Nullable String unit, @Nullable Integer priceCents,
			@Nullable Boolean basket, @Nullable String contents) {
	}

	public record NewSupplier(@Nullable String name, @Nullable String kind, @Nullable String contact,
			@Nullable List<String> streets, @Nullable List<NewItem> items) {
	}

	private final JdbcClient jdbc;
	private final JurisdictionDirectory directory;
	private final AuditTrail audit;
	private final Clock clock;

	Suppliers(JdbcClient jdbc, JurisdictionDirectory directory, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** The suppliers delivering to a street the user may see (all for the center). */
	public List<Supplier> visible(CurrentUser user) {
		if (!NecessityAccess.canReadSuppliers(user)) {
			throw new AccessDeniedException("suppliers are not for this role");
		}
		List<Long> ids = jdbc.sql("SELECT DISTINCT s.id, s.name FROM necessity_supplier s JOIN necessity_supplier_street"
				+ " t ON t.supplier_id = s.id WHERE s.active AND (" + scopeOfStreets(user) + ") ORDER BY s.name, s.id")
				.query((rs, i) -> rs.getLong(1)).list();
		return load(ids);
	}

	/** The suppliers delivering to the street of {@code gridCode}, with their active items (the ordering page). */
	public List<Supplier> forGrid(String gridCode) {
		String street = streetOf(gridCode);
		List<Long> ids = jdbc.sql("SELECT s.id FROM necessity_supplier s JOIN necessity_supplier_street t"
				+ " ON t.supplier_id = s.id WHERE s.active AND t.street_code = ? ORDER BY s.name, s.id").param(street)
				.query(Long.class).list();
		return load(ids);
	}

	/** The street (12 digits) a grid, community or street code lies in. */
	static String streetOf(String code) {
		return code.substring(0, 9) + "000";
	}

	/** A street or anything below it the user's scope reaches: the user sees suppliers serving that street. */
	private static String scopeOfStreets(CurrentUser user) {
		List<String> parts = new ArrayList<>();
		for (String prefix : user.scope().prefixes()) {
			if (prefix.length() >= 9) {
				parts.add("t.street_code = '" + prefix.substring(0, 9) + "000'");
			}
			else {
				parts.add("t.street_code LIKE '" + prefix + "%'");
			}
		}
		return parts.isEmpty() ? "1=0" : String.join(" OR ", parts);
	}

	private List<Supplier> load(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String in = "?, ".repeat(ids.size() - 1) + "?";
		Map<Long, Object[]> heads = new LinkedHashMap<>();
		jdbc.sql("SELECT id, name, kind, contact FROM necessity_supplier WHERE id IN (" + in + ")")
				.params(ids.toArray()).query(rs -> {
					heads.put(rs.getLong(1), new Object[] { rs.getString(2), rs.getString(3), rs.getString(4) });
				});
		Map<Long, List<String>> streets = new LinkedHashMap<>();
		jdbc.sql("SELECT supplier_id, street_code FROM necessity_supplier_street WHERE supplier_id IN (" + in
				+ ") ORDER BY street_code").params(ids.toArray()).query(rs -> {
					streets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
		Map<Long, List<Item>> items = new LinkedHashMap<>();
		jdbc.sql("SELECT id, supplier_id, name, unit, price_cents, basket, contents FROM necessity_item WHERE active"
				+ " AND supplier_id IN (" + in + ") ORDER BY basket DESC, id").params(ids.toArray()).query(rs -> {
					items.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(item(rs));
				});
		List<Supplier> out = new ArrayList<>();
		for (Long id : ids) {
			Object[] h = heads.get(id);
			out.add(new Supplier(id, (String) h[0], Kind.valueOf((String) h[1]), (String) h[2],
					streets.getOrDefault(id, List.of()), items.getOrDefault(id, List.of())));
		}
		return out;
	}

	static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Item(rs.getLong("id"), rs.getLong("supplier_id"), rs.getString("name"), rs.getString("unit"),
				rs.getInt("price_cents"), rs.getBoolean("basket"), rs.getString("contents"));
	}

	/** Items by id (active or not: an order keeps what it was shown). */
	Map<Long, Item> items(List<Long> ids) {
		Map<Long, Item> out = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT id, supplier_id, name, unit, price_cents, basket, contents FROM necessity_item WHERE active"
				+ " AND id IN (" + "?, ".repeat(ids.size() - 1) + "?)").params(ids.toArray()).query(rs -> {
					out.put(rs.getLong("id"), item(rs));
				});
		return out;
	}

	boolean servesStreet(long supplierId, String streetCode) {
		return jdbc.sql("SELECT COUNT(*) FROM necessity_supplier_street WHERE supplier_id = ? AND street_code = ?")
				.params(supplierId, streetCode).query(Long.class).single() > 0;
	}

	private record ValidItem(String name, String unit, int priceCents, boolean basket, String contents) {
	}

	private record Valid(String name, Kind kind, String contact, List<String> streets, List<ValidItem> items) {
	}

	/** Checks a supplier as typed (center only): the first problem is a 400 naming it. */
	private Valid validate(CurrentUser user, NewSupplier input) {
		if (!NecessityAccess.canManageSuppliers(user)) {
			throw new AccessDeniedException("only the center manages suppliers");
		}
		String name = Text.required("name", input.name(), 100);
		Kind kind = Text.oneOf("kind", input.kind(), Kind.class);
		String contact = Text.optional("contact", input.contact(), 100);
		List<String> streets = input.streets() == null ? List.of() : input.streets();
		if (streets.isEmpty() || streets.size() > 50) {
			throw new InvalidInputException("necessities.supplier.streets");
		}
		for (String street : streets) {
			if (street == null || !street.matches("\\d{9}000") || street.endsWith("000000")
					|| !directory.exists(street) || !user.scope().covers(street)) {
				throw new InvalidInputException("necessities.supplier.street", String.valueOf(street));
			}
		}
		List<NewItem> items = input.items() == null ? List.of() : input.items();
		if (items.isEmpty() || items.size() > 100) {
			throw new InvalidInputException("necessities.supplier.items");
		}
		List<ValidItem> valid = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (NewItem item : items) {
			if (item == null) {
				throw new InvalidInputException("necessities.supplier.items");
			}
			String itemName = Text.required("items.name", item.name(), 100);
			if (names.contains(itemName)) {
				throw new InvalidInputException("necessities.item.duplicate", itemName);
			}
			names.add(itemName);
			Integer price = item.priceCents();
			if (price == null || price < 0 || price > 10_000_000) {
				throw new InvalidInputException("necessities.item.price");
			}
			valid.add(new ValidItem(itemName, Text.required("items.unit", item.unit(), 20), price,
					Boolean.TRUE.equals(item.basket()), Text.optional("items.contents", item.contents(), 300)));
		}
		return new Valid(name, kind, contact, streets.stream().distinct().toList(), valid);
	}

	/** Adds a supplier with its streets and items (center). */
	@Transactional
	public Supplier create(CurrentUser user, NewSupplier input) {
		Valid v = validate(user, input);
		OffsetDateTime now = OffsetDateTime.now(clock);
		try {
			jdbc.sql("INSERT INTO necessity_supplier (name, kind, contact, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
					.params(v.name(), v.kind().name(), v.contact(), user.username(), now).update();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("necessities.supplier.duplicate", v.name());
		}
		long id = jdbc.sql("SELECT id FROM necessity_supplier WHERE name = ?").param(v.name()).query(Long.class)
				.single();
		for (String street : v.streets()) {
			jdbc.sql("INSERT INTO necessity_supplier_street (supplier_id, street_code) VALUES (?, ?)")
					.params(id, street).update();
		}
		for (ValidItem item : v.items()) {
			jdbc.sql("INSERT INTO necessity_item (supplier_id, name, unit, price_cents, basket, contents)"
					+ " VALUES (?, ?, ?, ?, ?, ?)").params(id, item.name(), item.unit(), item.priceCents(),
							item.basket(), item.contents())
					.update();
		}
		audit.record("NECESSITY_SUPPLIER_CREATE", "necessitySupplier", String.valueOf(id), AuditTrail.SUCCESS, null);
		return load(List.of(id)).get(0);
	}

	/**
	 * Edits a supplier (center): name, kind, contact; its streets are replaced; its items are matched by name — a
	 * listed item is updated (or added), an item no longer listed is withdrawn (inactive: orders keep what they were
	 * shown, so nothing is deleted).
	 */
	@Transactional
	public Supplier update(CurrentUser user, long id, NewSupplier input) {
		Valid v = validate(user, input);
		get(id);
		try {
			jdbc.sql("UPDATE necessity_supplier SET name = ?, kind = ?, contact = ? WHERE id = ?")
					.params(v.name(), v.kind().name(), v.contact(), id).update();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("necessities.supplier.duplicate", v.name());
		}
		jdbc.sql("DELETE FROM necessity_supplier_street WHERE supplier_id = ?").param(id).update();
		for (String street : v.streets()) {
			jdbc.sql("INSERT INTO necessity_supplier_street (supplier_id, street_code) VALUES (?, ?)")
					.params(id, street).update();
		}
		jdbc.sql("UPDATE necessity_item SET active = FALSE WHERE supplier_id = ?").param(id).update();
		for (ValidItem item : v.items()) {
			int changed = jdbc.sql("UPDATE necessity_item SET unit = ?, price_cents = ?, basket = ?, contents = ?,"
					+ " active = TRUE WHERE supplier_id = ? AND name = ?").params(item.unit(), item.priceCents(),
							item.basket(), item.contents(), id, item.name())
					.update();
			if (changed == 0) {
				jdbc.sql("INSERT INTO necessity_item (supplier_id, name, unit, price_cents, basket, contents)"
						+ " VALUES (?, ?, ?, ?, ?, ?)").params(id, item.name(), item.unit(), item.priceCents(),
								item.basket(), item.contents())
						.update();
			}
		}
		audit.record("NECESSITY_SUPPLIER_UPDATE", "necessitySupplier", String.valueOf(id), AuditTrail.SUCCESS,
				v.name());
		return load(List.of(id)).get(0);
	}

	public Supplier get(long id) {
		List<Supplier> found = load(jdbc.sql("SELECT id FROM necessity_supplier WHERE id = ?").param(id)
				.query(Long.class).list());
		if (found.isEmpty()) {
			throw new NotFoundException("necessities.supplier.notFound", String.valueOf(id));
		}
		return found.get(0);
	}
}
