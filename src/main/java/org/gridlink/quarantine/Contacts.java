package org.gridlink.quarantine;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gridlink.cases.CaseManagement;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Like;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.NewestFirstCursor;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.residents.ResidentView;
import org.gridlink.residents.Residents;
import org.gridlink.shared.IdNumber;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.Masked;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Close contacts and the persons they are. A person is one row per ID number or passport per district, found by
 * keyed hash, so the same person reported by two communities (or for two sources) is one person; the same person
 * reported twice for the same source is one contact (the later exposure date and the higher risk are kept). Reads
 * are filtered by scope in SQL (see {@link QuarantineAccess#personVisible}); reveals are audited.
 */
@Service
public class Contacts {

	static final int MAX_GENERATION = 2;
	static final int MAX_EXPOSURE_AGE_DAYS = 60;
	private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
	static final String PERSON_COLUMNS = """
			p.id, p.resident_id, p.name, p.name_masked, p.id_kind, p.id_masked, p.phone_masked, p.grid_code, p.address,
			p.created_at,
			(SELECT MAX(o.id) FROM quarantine_order o WHERE o.active_person_id = p.id) AS active_order_id,
			(SELECT COUNT(*) FROM quarantine_order o WHERE o.person_id = p.id) AS orders""";
	private static final String CONTACT_SELECT = """
			SELECT c.*, p.name AS person_name, p.id_masked AS person_id_masked, p.grid_code AS person_grid
			FROM close_contact c JOIN quarantine_person p ON p.id = c.person_id""";

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final Jurisdictions jurisdictions;
	private final Residents residents;
	private final CaseManagement cases;
	private final Clock clock;

	Contacts(JdbcClient jdbc, PersonalDataCipher cipher, AuditTrail audit, Jurisdictions jurisdictions,
			Residents residents, CaseManagement cases, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.jurisdictions = jurisdictions;
		this.residents = residents;
		this.cases = cases;
	}

	/** Records a close contact (or merges a repeated report of the same person and source into the existing one). */
	@Transactional
	public ContactView record(CurrentUser user, NewContact contact) {
		QuarantineAccess.require(user, QuarantineAccess.WRITERS, "record-contact");
		Source source = source(user, contact);
		LocalDate exposure = contact.exposureDate();
		LocalDate today = LocalDate.now(clock);
		if (exposure == null || exposure.isAfter(today) || exposure.isBefore(today.minusDays(MAX_EXPOSURE_AGE_DAYS))) {
			throw new InvalidInputException("quarantine.exposureDate.invalid", MAX_EXPOSURE_AGE_DAYS);
		}
		if (contact.exposureType() == null) {
			throw new InvalidInputException("quarantine.exposureType.invalid");
		}
		if (contact.riskLevel() == null) {
			throw new InvalidInputException("quarantine.riskLevel.invalid");
		}
		String note = contact.note() == null ? "" : contact.note().strip();
		if (note.length() > 500) {
			throw new InvalidInputException("quarantine.note.invalid");
		}
		long personId = person(user, contact);
		PersonView person = findPerson(personId).orElseThrow();
		String jurisdiction = contact.jurisdictionCode() == null || contact.jurisdictionCode().isBlank()
				? (user.scope().covers(person.gridCode()) ? person.gridCode() : user.scope().prefixes().isEmpty() ? ""
						: user.scope().codes().stream().sorted().findFirst().orElse(""))
				: contact.jurisdictionCode().strip();
		if (!JurisdictionCode.isValid(jurisdiction) || !jurisdictions.exists(jurisdiction)) {
			throw new InvalidInputException("quarantine.jurisdiction.unknown", jurisdiction);
		}
		if (!user.scope().covers(jurisdiction)) {
			throw new OutOfScopeException("jurisdiction", jurisdiction);
		}
		if (source.kind() == SourceKind.CONTACT && source.contactPersonId() == personId) {
			throw new InvalidInputException("quarantine.source.self");
		}
		Optional<ContactView> existing = jdbc.sql(CONTACT_SELECT + " WHERE c.person_id = ? AND c.source_key = ?")
				.params(personId, source.key()).query(this::contactRow).optional();
		if (existing.isPresent()) {
			ContactView was = existing.get();
			LocalDate later = exposure.isAfter(was.exposureDate()) ? exposure : was.exposureDate();
			RiskLevel higher = contact.riskLevel().ordinal() < was.riskLevel().ordinal() ? contact.riskLevel()
					: was.riskLevel();
			jdbc.sql("UPDATE close_contact SET exposure_date = ?, risk_level = ?, reports = reports + 1 WHERE id = ?")
					.params(later, higher.name(), was.id()).update();
			audit.record("QUARANTINE_CONTACT_MERGE", "closeContact", String.valueOf(was.id()), AuditTrail.SUCCESS,
					"source=" + source.key() + " jurisdiction=" + jurisdiction);
			return contact(was.id()).asMerged();
		}
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO close_contact (person_id, source_kind, case_id, event_id, source_contact_id, source_key,
					generation, exposure_date, exposure_type, risk_level, jurisdiction_code, note, reported_by, reported_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(personId, source.kind().name(), source.caseId(), source.eventId(), source.contactId(),
							source.key(), source.generation(), exposure, contact.exposureType().name(),
							contact.riskLevel().name(), jurisdiction, note, user.username(), OffsetDateTime.now(clock))
					.update() > 0 ? lastContactId(personId, source.key()) : 0;
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("quarantine.contact.concurrent");
		}
		audit.record("QUARANTINE_CONTACT", "closeContact", String.valueOf(id), AuditTrail.SUCCESS,
				"person=" + personId + " source=" + source.key() + " risk=" + contact.riskLevel());
		return contact(id);
	}

	/** Contacts the caller may see, newest first. */
	public Page<ContactView> list(CurrentUser user, ContactQuery query, Pageable pageable) {
		return list(user, query, pageable, null);
	}

	/**
	 * Contacts the caller may see, newest first: the page of {@code pageable}, or with a cursor {@code after} (the
	 * {@link ListPage#next()} of an earlier page) the contacts after it, however deep. The total is exact.
	 */
	public ListPage<ContactView> list(CurrentUser user, ContactQuery query, Pageable pageable, @Nullable String after) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		StringBuilder where = new StringBuilder(" WHERE " + contactVisible(user));
		List<Object> params = new ArrayList<>();
		String q = query.q() == null ? "" : query.q().strip();
		if (!q.isEmpty()) {
			if (IdNumber.isValid(q)) {
				where.append(" AND p.id_hash = ?");
				params.add(cipher.lookupHash(IdNumber.normalise(q)));
			}
			else if (PASSPORT.matcher(q.toUpperCase(Locale.ROOT)).matches() && q.chars().anyMatch(Character::isDigit)) {
				where.append(" AND p.id_hash = ?");
				params.add(passportHash(q.toUpperCase(Locale.ROOT)));
			}
			else {
				where.append(" AND p.name LIKE ?" + Like.ESCAPE);
				params.add(Like.contains(q));
			}
		}
		if (query.caseId() != null) {
			where.append(" AND c.case_id = ?");
			params.add(query.caseId());
		}
		if (query.eventId() != null) {
			where.append(" AND c.event_id = ?");
			params.add(query.eventId());
		}
		if (query.sourceContactId() != null) {
			where.append(" AND c.source_contact_id = ?");
			params.add(query.sourceContactId());
		}
		if (query.jurisdiction() != null && !query.jurisdiction().isBlank()) {
			String prefix = QuarantineAccess.filterPrefix(user, query.jurisdiction());
			where.append(" AND (p.grid_code LIKE ? OR c.jurisdiction_code LIKE ?)");
			params.add(prefix + "%");
			params.add(prefix + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM close_contact c JOIN quarantine_person p ON p.id = c.person_id"
				+ where).params(params).query(Long.class).single();
		NewestFirstCursor cursor = after == null || after.isBlank() ? null : NewestFirstCursor.parse(after);
		List<Object> page = new ArrayList<>(params);
		String pageWhere = where.toString();
		if (cursor != null) {
			pageWhere += " AND " + cursor.after("c.reported_at", "c.id", page);
		}
		int size = pageable.getPageSize();
		page.add(size + 1);
		page.add(cursor == null ? pageable.getOffset() : 0);
		List<ContactView> rows = jdbc.sql(CONTACT_SELECT + pageWhere + " ORDER BY c.reported_at DESC, c.id DESC LIMIT ? OFFSET ?")
				.params(page).query(this::contactRow).list();
		boolean more = rows.size() > size;
		if (more) {
			rows = rows.subList(0, size);
		}
		String next = more ? new NewestFirstCursor(rows.get(size - 1).reportedAt(), rows.get(size - 1).id()).toString()
				: null;
		return new ListPage<>(rows, cursor == null ? pageable : PageRequest.of(0, size), total, false, next,
				cursor != null);
	}

	/** One contact the caller may see. */
	public ContactView get(CurrentUser user, long id) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		return jdbc.sql(CONTACT_SELECT + " WHERE c.id = ? AND " + contactVisible(user)).param(id).query(this::contactRow)
				.optional().orElseThrow(() -> notVisible("closeContact", id, "SELECT COUNT(*) FROM close_contact WHERE id = ?"));
	}

	/** The contacts of a person the caller may see, and the contacts they passed exposure on (generation 2). */
	public List<ContactView> contactsOf(CurrentUser user, long personId) {
		person(user, personId);
		return jdbc.sql(CONTACT_SELECT + " WHERE c.person_id = ? OR c.source_contact_id IN (SELECT x.id FROM"
				+ " close_contact x WHERE x.person_id = ?) ORDER BY c.exposure_date DESC, c.id DESC")
				.params(personId, personId).query(this::contactRow).list();
	}

	/** One person the caller may see. */
	public PersonView person(CurrentUser user, long id) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM quarantine_person p WHERE p.id = ? AND "
				+ QuarantineAccess.personVisible(user)).param(id).query(Contacts::personRow).optional()
				.orElseThrow(() -> notVisible("quarantinePerson", id, "SELECT COUNT(*) FROM quarantine_person WHERE id = ?"));
	}

	/** Persons the caller may see, by grid; {@code quarantine} ACTIVE, RELEASED or NONE filters. */
	public Page<PersonView> persons(CurrentUser user, @Nullable String quarantine, Pageable pageable) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		String where = " WHERE " + QuarantineAccess.personVisible(user);
		if (quarantine != null && !quarantine.isBlank()) {
			where += switch (quarantine.strip()) {
				case "ACTIVE" -> " AND EXISTS (SELECT 1 FROM quarantine_order o WHERE o.active_person_id = p.id)";
				case "RELEASED" -> " AND NOT EXISTS (SELECT 1 FROM quarantine_order o WHERE o.active_person_id = p.id)"
						+ " AND EXISTS (SELECT 1 FROM quarantine_order o WHERE o.person_id = p.id)";
				case "NONE" -> " AND NOT EXISTS (SELECT 1 FROM quarantine_order o WHERE o.person_id = p.id)";
				default -> throw new InvalidInputException("quarantine.filter.invalid", quarantine);
			};
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM quarantine_person p" + where).query(Long.class).single();
		List<PersonView> rows = jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM quarantine_person p" + where
				+ " ORDER BY p.grid_code, p.id LIMIT ? OFFSET ?").params(pageable.getPageSize(), pageable.getOffset())
				.query(Contacts::personRow).list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** The full ID number or phone of a person the caller may see; needs a reason and is audited. */
	public String reveal(CurrentUser user, long personId, String field, @Nullable String reason) {
		if (!QuarantineAccess.has(user, QuarantineAccess.REVEALERS)) {
			audit.record("QUARANTINE_REVEAL", "quarantinePerson", String.valueOf(personId), AuditTrail.DENIED, "role");
			throw new OutOfScopeException("quarantinePerson", String.valueOf(personId));
		}
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 2 || why.length() > 200) {
			throw new InvalidInputException("quarantine.reveal.reason");
		}
		String column = switch (field) {
			case "idNumber" -> "id_enc";
			case "phone" -> "phone_enc";
			default -> throw new InvalidInputException("quarantine.reveal.badField", field);
		};
		person(user, personId);
		String stored = jdbc.sql("SELECT " + column + " FROM quarantine_person WHERE id = ?").param(personId)
				.query(String.class).optional().orElse(null);
		audit.record("QUARANTINE_REVEAL", "quarantinePerson", String.valueOf(personId), AuditTrail.SUCCESS,
				"field=" + field + "; reason=" + why);
		return stored == null || stored.isEmpty() ? "" : cipher.decrypt(stored); // empty once purged by retention
	}

	/** Records an exposure event (a gathering, a place at a time) in a jurisdiction of the caller's scope. */
	@Transactional
	public ExposureEvent recordEvent(CurrentUser user, @Nullable String name, @Nullable String place,
			@Nullable LocalDate occurredOn, @Nullable String jurisdictionCode) {
		QuarantineAccess.require(user, QuarantineAccess.WRITERS, "record-event");
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 100) {
			throw new InvalidInputException("quarantine.event.name.invalid");
		}
		String where = place == null ? "" : place.strip();
		if (where.isEmpty() || where.length() > 200) {
			throw new InvalidInputException("quarantine.event.place.invalid");
		}
		LocalDate today = LocalDate.now(clock);
		if (occurredOn == null || occurredOn.isAfter(today) || occurredOn.isBefore(today.minusDays(MAX_EXPOSURE_AGE_DAYS))) {
			throw new InvalidInputException("quarantine.exposureDate.invalid", MAX_EXPOSURE_AGE_DAYS);
		}
		String code = jurisdictionCode == null ? "" : jurisdictionCode.strip();
		if (!JurisdictionCode.isValid(code) || !jurisdictions.exists(code)) {
			throw new InvalidInputException("quarantine.jurisdiction.unknown", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		jdbc.sql("""
				INSERT INTO exposure_event (name, place, occurred_on, jurisdiction_code, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""").params(n, where, occurredOn, code, user.username(), OffsetDateTime.now(clock))
				.update();
		long id = jdbc.sql("SELECT MAX(id) FROM exposure_event WHERE created_by = ? AND name = ?")
				.params(user.username(), n).query(Long.class).single();
		audit.record("QUARANTINE_EVENT", "exposureEvent", String.valueOf(id), AuditTrail.SUCCESS, "jurisdiction=" + code);
		return event(id).orElseThrow();
	}

	/**
	 * Exposure events of the district, newest first (at most 200). They carry no personal data, so every reader sees
	 * all of them: a community must be able to name the gathering in another street its resident went to.
	 */
	public List<ExposureEvent> events(CurrentUser user) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		return jdbc.sql("SELECT * FROM exposure_event ORDER BY occurred_on DESC, id DESC LIMIT 200")
				.query(Contacts::eventRow).list();
	}

	Optional<ExposureEvent> event(long id) {
		return jdbc.sql("SELECT * FROM exposure_event WHERE id = ?").param(id).query(Contacts::eventRow).optional();
	}

	Optional<PersonView> findPerson(long id) {
		return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM quarantine_person p WHERE p.id = ?").param(id)
				.query(Contacts::personRow).optional();
	}

	/** Moves the persons linked to a resident to the resident's new grid (the registry is the truth for residents). */
	void residentMoved(long residentId, String toGrid) {
		jdbc.sql("UPDATE quarantine_person SET grid_code = ?, version = version + 1 WHERE resident_id = ?")
				.params(toGrid, residentId).update();
	}

	private RuntimeException notVisible(String type, long id, String countSql) {
		boolean exists = jdbc.sql(countSql).param(id).query(Long.class).single() > 0;
		return exists ? new OutOfScopeException(type, String.valueOf(id))
				: new NotFoundException("quarantine.not.found", String.valueOf(id));
	}

	private String contactVisible(CurrentUser user) {
		String grid = user.scope().sqlCondition("p.grid_code");
		if (!QuarantineAccess.has(user, QuarantineAccess.WRITERS)) {
			return grid;
		}
		return "(" + grid + " OR " + user.scope().sqlCondition("c.jurisdiction_code") + ")";
	}

	private long lastContactId(long personId, String key) {
		return jdbc.sql("SELECT id FROM close_contact WHERE person_id = ? AND source_key = ?").params(personId, key)
				.query(Long.class).single();
	}

	private ContactView contact(long id) {
		return jdbc.sql(CONTACT_SELECT + " WHERE c.id = ?").param(id).query(this::contactRow).single();
	}

	/** The source of a new contact, checked: a case the caller may see, an event, or a contact the caller may see. */
	private Source source(CurrentUser user, NewContact contact) {
		if (contact.sourceKind() == null) {
			throw new InvalidInputException("quarantine.source.invalid");
		}
		return switch (contact.sourceKind()) {
			case CASE -> {
				Long caseId = contact.caseId();
				if (caseId == null) {
					throw new InvalidInputException("quarantine.source.invalid");
				}
				boolean visible;
				try {
					visible = cases.canSee(user, caseId);
				}
				catch (NotFoundException ex) {
					throw new InvalidInputException("quarantine.source.unknown", caseId);
				}
				if (!visible) {
					throw new OutOfScopeException("case", String.valueOf(caseId));
				}
				yield new Source(SourceKind.CASE, caseId, null, null, 1, "CASE:" + caseId, -1);
			}
			case EVENT -> {
				Long eventId = contact.eventId();
				if (eventId == null || event(eventId).isEmpty()) {
					throw new InvalidInputException("quarantine.source.unknown", eventId == null ? "" : eventId);
				}
				yield new Source(SourceKind.EVENT, null, eventId, null, 1, "EVENT:" + eventId, -1);
			}
			case CONTACT -> {
				Long parentId = contact.sourceContactId();
				if (parentId == null) {
					throw new InvalidInputException("quarantine.source.invalid");
				}
				ContactView parent;
				try {
					parent = get(user, parentId);
				}
				catch (NotFoundException ex) {
					throw new InvalidInputException("quarantine.source.unknown", parentId);
				}
				if (parent.generation() >= MAX_GENERATION) {
					throw new InvalidInputException("quarantine.generation.invalid", MAX_GENERATION);
				}
				yield new Source(SourceKind.CONTACT, null, null, parentId, parent.generation() + 1,
						"CONTACT:" + parentId, parent.personId());
			}
		};
	}

	private record Source(SourceKind kind, @Nullable Long caseId, @Nullable Long eventId, @Nullable Long contactId,
			int generation, String key, long contactPersonId) {
	}

	/** The id of the person with this ID number or passport, created when new (linked to a resident if registered). */
	private long person(CurrentUser user, NewContact contact) {
		String name = contact.name() == null ? "" : contact.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			throw new InvalidInputException("quarantine.name.invalid");
		}
		if (contact.idKind() == null) {
			throw new InvalidInputException("quarantine.idKind.invalid");
		}
		String raw = contact.idNumber() == null ? "" : contact.idNumber();
		String number;
		String hash;
		if (contact.idKind() == IdKind.ID) {
			IdNumber.problemOf(raw).ifPresent(problem -> {
				throw new InvalidInputException("idNumber." + problem.name());
			});
			number = IdNumber.normalise(raw);
			hash = cipher.lookupHash(number);
		}
		else {
			number = raw.replace(" ", "").toUpperCase(Locale.ROOT);
			if (!PASSPORT.matcher(number).matches()) {
				throw new InvalidInputException("quarantine.passport.invalid");
			}
			hash = passportHash(number);
		}
		String phone = contact.phone() == null || contact.phone().isBlank() ? null : PhoneNumber.normalise(contact.phone());
		if (phone != null && !PhoneNumber.isValid(phone)) {
			throw new InvalidInputException("phone.invalid", Masked.phone(phone));
		}
		String address = contact.address() == null ? "" : contact.address().strip();
		if (address.length() > 200) {
			throw new InvalidInputException("quarantine.address.invalid");
		}
		String district = district(user, contact);
		Optional<Long> known = jdbc.sql("SELECT id FROM quarantine_person WHERE district_code = ? AND id_hash = ?")
				.params(district, hash).query(Long.class).optional();
		if (known.isPresent()) {
			if (phone != null) {
				jdbc.sql("UPDATE quarantine_person SET phone_enc = ?, phone_masked = ?, version = version + 1"
						+ " WHERE id = ? AND phone_enc IS NULL").params(cipher.encrypt(phone), Masked.phone(phone),
								known.get()).update();
			}
			return known.get();
		}
		Optional<ResidentView> resident = contact.idKind() == IdKind.ID ? residents.findByIdNumber(district, number)
				: Optional.empty();
		String grid;
		if (resident.isPresent()) {
			grid = resident.get().gridCode();
		}
		else {
			grid = contact.gridCode() == null ? "" : contact.gridCode().strip();
			if (grid.length() != 15 || !JurisdictionCode.isValid(grid) || !jurisdictions.exists(grid)) {
				throw new InvalidInputException("quarantine.grid.unknown", grid);
			}
			if (!user.scope().covers(grid)) {
				throw new OutOfScopeException("grid", grid);
			}
		}
		try {
			jdbc.sql("""
					INSERT INTO quarantine_person (district_code, resident_id, name, name_masked, id_kind, id_hash, id_enc,
					id_masked, phone_enc, phone_masked, grid_code, address, created_by, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(district, resident.map(ResidentView::id).orElse(null), name, Masked.name(name),
							contact.idKind().name(), hash, cipher.encrypt(number), maskDocument(contact.idKind(), number),
							phone == null ? null : cipher.encrypt(phone), phone == null ? null : Masked.phone(phone), grid,
							address.isEmpty() && resident.isPresent() ? resident.get().address() : address,
							user.username(), OffsetDateTime.now(clock))
					.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("quarantine.contact.concurrent");
		}
		long id = jdbc.sql("SELECT id FROM quarantine_person WHERE district_code = ? AND id_hash = ?")
				.params(district, hash).query(Long.class).single();
		audit.record("QUARANTINE_PERSON", "quarantinePerson", String.valueOf(id), AuditTrail.SUCCESS,
				"grid=" + grid + (resident.isPresent() ? " resident=" + resident.get().id() : " non-resident"));
		return id;
	}

	private String district(CurrentUser user, NewContact contact) {
		for (String code : new String[] { contact.jurisdictionCode(), contact.gridCode() }) {
			if (code != null && JurisdictionCode.isValid(code.strip())) {
				return JurisdictionCode.of(code.strip()).districtCode();
			}
		}
		return user.scope().codes().stream().filter(JurisdictionCode::isValid).findFirst()
				.map(c -> JurisdictionCode.of(c).districtCode())
				.orElseThrow(() -> new OutOfScopeException("jurisdiction", "none"));
	}

	/** ID numbers as everywhere ({@link Masked#idNumber}); a passport shows its first letter and last three: E*****123. */
	static String maskDocument(IdKind kind, String number) {
		if (kind == IdKind.ID) {
			return Masked.idNumber(number);
		}
		return number.charAt(0) + "*".repeat(number.length() - 4) + number.substring(number.length() - 3);
	}

	private String passportHash(String normalised) {
		return cipher.lookupHash("PASSPORT:" + normalised);
	}

	private ContactView contactRow(ResultSet rs, int row) throws SQLException {
		return new ContactView(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getString("person_id_masked"), rs.getString("person_grid"), SourceKind.valueOf(rs.getString("source_kind")),
				rs.getObject("case_id", Long.class), rs.getObject("event_id", Long.class),
				rs.getObject("source_contact_id", Long.class), rs.getInt("generation"),
				rs.getObject("exposure_date", LocalDate.class), ExposureType.valueOf(rs.getString("exposure_type")),
				RiskLevel.valueOf(rs.getString("risk_level")), rs.getString("jurisdiction_code"), rs.getString("note"),
				rs.getString("reported_by"), rs.getObject("reported_at", OffsetDateTime.class), rs.getInt("reports"),
				false);
	}

	static PersonView personRow(ResultSet rs, int row) throws SQLException {
		Long active = rs.getObject("active_order_id", Long.class);
		String quarantine = active != null ? "ACTIVE" : rs.getLong("orders") > 0 ? "RELEASED" : "NONE";
		return new PersonView(rs.getLong("id"), rs.getObject("resident_id", Long.class), rs.getString("name"),
				rs.getString("name_masked"), IdKind.valueOf(rs.getString("id_kind")), rs.getString("id_masked"),
				rs.getString("phone_masked"), rs.getString("grid_code"), rs.getString("address"),
				rs.getObject("created_at", OffsetDateTime.class), quarantine, active);
	}

	private static ExposureEvent eventRow(ResultSet rs, int row) throws SQLException {
		return new ExposureEvent(rs.getLong("id"), rs.getString("name"), rs.getString("place"),
				rs.getObject("occurred_on", LocalDate.class), rs.getString("jurisdiction_code"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}
}
