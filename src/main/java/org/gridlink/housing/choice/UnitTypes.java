package org.gridlink.housing.choice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridlink.housing.HousingDirectory;
import org.gridlink.housing.HousingProjectRef;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit types a project offers (name, floor area, price, subsidy, in fen) and their drawings (PDF or images, checked
 * by {@link UploadedFiles}). Everyone who sees the project reads them; its keepers ({@link ChoiceAccess#managesProject})
 * add them. Public drawings are served without login for the public board.
 */
@Service
public class UnitTypes {

	/** A unit type with its figures and drawings (without bytes). */
	public record UnitType(long id, long projectId, String name, BigDecimal floorArea, long priceFen, long subsidyFen,
			List<Drawing> drawings) {

		public long shareFen() {
			return priceFen - subsidyFen;
		}

		public String price() {
			return Fen.yuan(priceFen);
		}

		public String subsidy() {
			return Fen.yuan(subsidyFen);
		}

		public String share() {
			return Fen.yuan(shareFen());
		}

		public String area() {
			return Fen.area(floorArea);
		}
	}

	public record Drawing(long id, long unitTypeId, String title, String contentType, int size, boolean publicFile) {
	}

	public record DrawingContent(String contentType, String title, byte[] bytes) {
	}

	/** A new unit type: floor area in square metres (up to two decimals), price and subsidy in fen. */
	public record NewUnitType(@Nullable String name, @Nullable BigDecimal floorArea, @Nullable Long priceFen,
			@Nullable Long subsidyFen) {
	}

	private final JdbcClient jdbc;
	private final HousingDirectory projects;
	private final AuditTrail audit;
	private final Clock clock;

	UnitTypes(JdbcClient jdbc, HousingDirectory projects, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.audit = audit;
		this.clock = clock;
	}

	/** The project's unit types in the order they were added, for a user who sees the project. */
	public List<UnitType> list(CurrentUser user, long projectId) {
		projects.require(user, projectId);
		return of(projectId, false);
	}

	/** The unit types with their public drawings only: the public board. */
	public List<UnitType> publicList(long projectId) {
		return of(projectId, true);
	}

	List<UnitType> of(long projectId, boolean publicOnly) {
		Map<Long, List<Drawing>> drawings = new LinkedHashMap<>();
		jdbc.sql("SELECT d.id, d.unit_type_id, d.title, d.content_type, d.size, d.public_file FROM housing_unit_drawing d "
				+ "JOIN housing_unit_type t ON t.id = d.unit_type_id WHERE t.project_id = ?"
				+ (publicOnly ? " AND d.public_file = TRUE" : "") + " ORDER BY d.id").param(projectId)
				.query(Drawing.class).list()
				.forEach(d -> drawings.computeIfAbsent(d.unitTypeId(), k -> new java.util.ArrayList<>()).add(d));
		return jdbc.sql("SELECT id, project_id, name, floor_area, price_fen, subsidy_fen FROM housing_unit_type "
				+ "WHERE project_id = ? ORDER BY id").param(projectId)
				.query((rs, i) -> new UnitType(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
						rs.getLong(5), rs.getLong(6), drawings.getOrDefault(rs.getLong(1), List.of())))
				.list();
	}

	Optional<UnitType> find(long unitTypeId) {
		return jdbc.sql("SELECT project_id FROM housing_unit_type WHERE id = ?").param(unitTypeId).query(Long.class)
				.optional().flatMap(p -> of(p, false).stream().filter(t -> t.id() == unitTypeId).findFirst());
	}

	@Transactional
	public UnitType create(CurrentUser user, long projectId, NewUnitType input) {
		HousingProjectRef project = projects.require(user, projectId);
		if (!ChoiceAccess.managesProject(user, project)) {
			throw new OutOfScopeException("housing-project", String.valueOf(projectId));
		}
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 60) {
			throw new InvalidInputException("housing.choice.unitType.name");
		}
		BigDecimal area = input.floorArea();
		if (area == null || area.signum() <= 0 || area.compareTo(new BigDecimal("10000")) >= 0 || area.scale() > 2) {
			throw new InvalidInputException("housing.choice.unitType.area");
		}
		Long price = input.priceFen();
		Long subsidy = input.subsidyFen();
		if (price == null || price <= 0 || price > 100_000_000_00L) {
			throw new InvalidInputException("housing.choice.unitType.price");
		}
		if (subsidy == null || subsidy < 0 || subsidy > price) {
			throw new InvalidInputException("housing.choice.unitType.subsidy");
		}
		boolean taken = jdbc.sql("SELECT COUNT(*) FROM housing_unit_type WHERE project_id = ? AND name = ?")
				.params(projectId, name).query(Long.class).single() > 0;
		if (taken) {
			throw new InvalidInputException("housing.choice.unitType.taken", name);
		}
		jdbc.sql("INSERT INTO housing_unit_type (project_id, name, floor_area, price_fen, subsidy_fen, created_at, "
				+ "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(projectId, name, area, price, subsidy, OffsetDateTime.now(clock), user.username()).update();
		long id = jdbc.sql("SELECT id FROM housing_unit_type WHERE project_id = ? AND name = ?").params(projectId, name)
				.query(Long.class).single();
		audit.record("HOUSING_UNIT_TYPE_CREATE", "housing-unit-type", String.valueOf(id), AuditTrail.SUCCESS,
				"project=" + projectId + " price=" + price + " subsidy=" + subsidy);
		return find(id).orElseThrow();
	}

	/** Adds a drawing (checked by its bytes) to a unit type of a project the user keeps. */
	@Transactional
	public Drawing addDrawing(CurrentUser user, long unitTypeId, @Nullable String title, byte[] content,
			boolean publicFile) {
		UnitType type = find(unitTypeId)
				.orElseThrow(() -> new NotFoundException("housing.choice.unitType.not.found", String.valueOf(unitTypeId)));
		HousingProjectRef project = projects.require(user, type.projectId());
		if (!ChoiceAccess.managesProject(user, project)) {
			throw new OutOfScopeException("housing-unit-type", String.valueOf(unitTypeId));
		}
		String name = title == null || title.isBlank() ? type.name() : title.strip();
		if (name.length() > 100) {
			throw new InvalidInputException("housing.choice.drawing.titleTooLong");
		}
		UploadedFiles.Checked checked = UploadedFiles.check(content);
		return store(user.username(), unitTypeId, name, checked, publicFile);
	}

	Drawing store(String actor, long unitTypeId, String title, UploadedFiles.Checked checked, boolean publicFile) {
		jdbc.sql("INSERT INTO housing_unit_drawing (unit_type_id, title, content_type, content, size, public_file, "
				+ "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(unitTypeId, title, checked.contentType(), checked.bytes(), checked.bytes().length, publicFile,
						OffsetDateTime.now(clock), actor)
				.update();
		long id = jdbc.sql("SELECT MAX(id) FROM housing_unit_drawing WHERE unit_type_id = ?").param(unitTypeId)
				.query(Long.class).single();
		audit.record("HOUSING_DRAWING_ADD", "housing-unit-type", String.valueOf(unitTypeId), AuditTrail.SUCCESS,
				checked.contentType() + " " + checked.bytes().length);
		return new Drawing(id, unitTypeId, title, checked.contentType(), checked.bytes().length, publicFile);
	}

	/** A drawing's bytes for a user who sees its project. */
	public DrawingContent drawing(CurrentUser user, long drawingId) {
		long projectId = jdbc.sql("SELECT t.project_id FROM housing_unit_drawing d JOIN housing_unit_type t "
				+ "ON t.id = d.unit_type_id WHERE d.id = ?").param(drawingId).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("housing.choice.drawing.not.found", String.valueOf(drawingId)));
		projects.require(user, projectId);
		return content(drawingId, false).orElseThrow();
	}

	/** A public drawing's bytes for anyone; a drawing that is not public is not found. */
	public Optional<DrawingContent> publicDrawing(long drawingId) {
		return content(drawingId, true);
	}

	private Optional<DrawingContent> content(long drawingId, boolean publicOnly) {
		return jdbc.sql("SELECT content_type, title, content FROM housing_unit_drawing WHERE id = ?"
				+ (publicOnly ? " AND public_file = TRUE" : "")).param(drawingId)
				.query((rs, i) -> new DrawingContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}
}
