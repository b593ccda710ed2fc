package org.gridlink.jurisdiction;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Boundaries are stored as WKT (lng lat, WGS 84) and served to Leaflet as GeoJSON geometry. */
final class Wkt {

	private Wkt() {
	}

	static Geometry read(String wkt) {
		try {
			return new WKTReader().read(wkt);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not a WKT geometry: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A polygon's (or multipolygon's) GeoJSON geometry, coordinates to 6 decimals (about 0.1 m: for drawing only);
	 * {@code null} (JSON) when there is no boundary.
	 */
	static String toGeoJson(String wkt) {
		if (wkt == null || wkt.isBlank()) {
			return "null";
		}
		Geometry geometry = read(wkt);
		if (geometry instanceof Polygon polygon) {
			StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":");
			appendPolygon(json, polygon);
			return json.append('}').toString();
		}
		if (geometry instanceof MultiPolygon multi) {
			StringBuilder json = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < multi.getNumGeometries(); i++) {
				json.append(i > 0 ? "," : "");
				appendPolygon(json, (Polygon) multi.getGeometryN(i));
			}
			return json.append("]}").toString();
		}
		throw new IllegalArgumentException("Boundary must be a polygon");
	}

	private static void appendPolygon(StringBuilder json, Polygon polygon) {
		json.append('[');
		appendRing(json, polygon.getExteriorRing().getCoordinates());
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			json.append(',');
			appendRing(json, polygon.getInteriorRingN(i).getCoordinates());
		}
		json.append(']');
	}

	private static void appendRing(StringBuilder json, Coordinate[] ring) {
		json.append('[');
		for (int i = 0; i < ring.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('[').append(round(ring[i].x)).append(',').append(round(ring[i].y)).append(']');
		}
		json.append(']');
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1_000_000d) / 1_000_000d;
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
