package org.gridlink.supplies.necessities;

/** Great-circle distance on the WGS-84 mean radius; good enough to rank farms by distance. */
final class Haversine {

	private static final double EARTH_KM = 6371.0088;

	private Haversine() {
	}

	static double km(double lat1, double lng1, double lat2, double lng2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}
}
