package org.gridlink.residents;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.jurisdiction.ResidentialGrid;

/**
 * The residents import file of one district of the city benchmark (bench/city): {@code rows} residents of the
 * {@link DemoResidents} population, numbered from {@code first}, spread over the district's grids (read from the
 * database), as import CSV. Each district of the city takes its own range of numbers, so the ID numbers are unique
 * across the city (the generator's numbers are a bijection of 0 .. 29,000,000). A {@code main}, not a test.
 * <p>
 * Usage: {@code CityResidentsCsv JDBC_URL DISTRICT_CODE(6 digits) FIRST ROWS FILE}
 */
public final class CityResidentsCsv {

	private CityResidentsCsv() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		String url = args[0];
		String district = args[1];
		int first = Integer.parseInt(args[2]);
		int rows = Integer.parseInt(args[3]);
		Path file = Path.of(args[4]);
		List<ResidentialGrid> grids = grids(url, district);
		if (grids.isEmpty()) {
			throw new IllegalStateException("no grids in district " + district);
		}
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
			out.write("id_number,name,phone,grid_code,compound,building,unit,room,tags,address\n");
			write(grids, first, rows, out);
		}
		System.out.println(district + ": " + rows + " residents over " + grids.size() + " grids, numbers " + first
				+ " .. " + (first + rows - 1) + " -> " + file);
	}

	/** As {@link DemoResidents#generate}, numbered from {@code first}. */
	private static void write(List<ResidentialGrid> grids, int first, int total, Writer out) throws IOException {
		int base = total / grids.size();
		int extra = total % grids.size();
		int index = first;
		StringBuilder line = new StringBuilder(160);
		for (int g = 0; g < grids.size(); g++) {
			ResidentialGrid grid = grids.get(g);
			int count = base + (g < extra ? 1 : 0);
			int household = 0;
			int members = 0;
			for (int k = 0; k < count; k++) {
				if (members == 0) {
					members = 1 + (int) (DemoResidents.mix(g * 100_003L + household) % 4);
				}
				ImportRow row = DemoResidents.resident(index++, grid, household);
				line.setLength(0);
				line.append(row.idNumber().value()).append(',').append(row.name()).append(',')
						.append(row.phone() == null ? "" : row.phone()).append(',').append(row.gridCode()).append(',')
						.append(row.compound()).append(',').append(row.building()).append(',').append(row.entrance())
						.append(',').append(row.room()).append(',').append(String.join("|", row.tags())).append(',')
						.append(row.address()).append('\n');
				out.write(line.toString());
				if (--members == 0) {
					household++;
				}
			}
		}
	}

	/** The district's grids as {@code Jurisdictions.residentialGrids()} reads them, for one district. */
	private static List<ResidentialGrid> grids(String url, String district) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
			Map<String, List<ResidentialGrid.Building>> buildings = new HashMap<>();
			try (PreparedStatement s = c.prepareStatement("""
					SELECT c.grid_code, c.name, b.name, b.floors FROM compound c JOIN building b ON b.compound_id = c.id
					WHERE c.district_code = ? ORDER BY c.grid_code, c.id, b.code""")) {
				s.setString(1, district);
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						buildings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
								.add(new ResidentialGrid.Building(rs.getString(2), rs.getString(3), rs.getInt(4)));
					}
				}
			}
			List<ResidentialGrid> grids = new ArrayList<>();
			try (PreparedStatement s = c.prepareStatement("""
					SELECT g.code, COALESCE(p.name, ''), COALESCE(p.kind, '') FROM jurisdiction g
					LEFT JOIN jurisdiction p ON p.code = g.parent_code
					WHERE g.level = 'GRID' AND g.district_code = ? ORDER BY g.code""")) {
				s.setString(1, district);
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						grids.add(new ResidentialGrid(rs.getString(1), rs.getString(2), "VILLAGE".equals(rs.getString(3)),
								buildings.getOrDefault(rs.getString(1), List.of())));
					}
				}
			}
			return grids;
		}
	}
}
