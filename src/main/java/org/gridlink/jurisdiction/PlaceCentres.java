package org.gridlink.jurisdiction;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The label point of a jurisdiction (a point inside its boundary, WGS 84), for modules that place a thing by the
 * place it belongs to on a map (a checkpoint, a quarantine site). No scope check: a place's centre is not personal
 * data; the caller decides what it shows.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class PlaceCentres {

	/** A point: latitude and longitude. */
	@org.springframework.modulith.NamedInterface("api")
	public record Centre(double lat, double lng) {
	}

	private final JdbcClient jdbc;

	PlaceCentres(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The centres of these jurisdictions; codes unknown or without a centre are left out. */
	@Transactional(readOnly = true)
	public Map<String, Centre> of(Collection<String> codes) {
		Map<String, Centre> out = new HashMap<>();
		if (codes.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT code, center_lat, center_lng FROM jurisdiction WHERE code IN (:codes)"
				+ " AND center_lat IS NOT NULL AND center_lng IS NOT NULL").param("codes", codes)
				.query(rs -> {
					out.put(rs.getString(1), new Centre(rs.getDouble(2), rs.getDouble(3)));
				});
		return out;
	}
}
