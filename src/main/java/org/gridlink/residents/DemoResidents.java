package org.gridlink.residents;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.shared.IdNumber;

/**
 * A deterministic population for the demo district: the same input gives the same residents, households and ID
 * numbers on every run. Residents are spread evenly over the grids; each grid's households are filled in walking
 * order (building, entrance, floor, room) on its compounds' buildings, or at village addresses in village grids.
 * ID numbers are valid (GB 11643 check character), unique for up to 29 million residents, born 1940–2019.
 */
final class DemoResidents {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "华", "建国", "玉兰", "志强", "海燕", "晓东", "文", "斌", "秀兰",
			"子涵", "浩然", "欣怡", "雨泽", "梓萱", "宇航", "一诺", "思远", "佳怡" };
	private static final String[] ADDRESS_CODES = { "320819", "320819", "320819", "320803", "320804", "320812",
			"320813", "320826", "320830", "320831", "320811", "321302" };
	private static final String[] MOBILE_PREFIXES = { "138", "139", "135", "136", "137", "150", "151", "152", "157",
			"158", "159", "182", "183", "187", "188", "133", "153", "180", "189", "130", "131", "132", "155", "156",
			"185", "186", "177", "199" };
	private static final long SPACE = 29_000_000L;
	private static final long STRIDE = 7_368_787L; // coprime with SPACE: i -> i * STRIDE mod SPACE is a bijection
	private static final LocalDate EPOCH = LocalDate.of(1940, 1, 1);
	private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

	private DemoResidents() {
	}

	/** Hands {@code total} residents to {@code sink}, grid by grid in code order. */
	static void generate(List<ResidentialGrid> grids, int total, Consumer<ImportRow> sink) {
		if (grids.isEmpty()) {
			return;
		}
		int base = total / grids.size();
		int extra = total % grids.size();
		int index = 0;
		for (int g = 0; g < grids.size(); g++) {
			ResidentialGrid grid = grids.get(g);
			int count = base + (g < extra ? 1 : 0);
			int household = 0;
			int members = 0;
			for (int k = 0; k < count; k++) {
				if (members == 0) {
					members = 1 + (int) (mix(g * 100_003L + household) % 4);
				}
				sink.accept(resident(index++, grid, household));
				if (--members == 0) {
					household++;
				}
			}
		}
	}

	/** The generated population as import CSV (English headers), for the benchmark and manual tests. */
	static void csv(List<ResidentialGrid> grids, int total, Writer out) throws IOException {
		out.write("id_number,name,phone,grid_code,compound,building,unit,room,tags,address\n");
		StringBuilder line = new StringBuilder(160);
		IOException[] failure = { null };
		generate(grids, total, row -> {
			line.setLength(0);
			line.append(row.idNumber().value()).append(',').append(row.name()).append(',')
					.append(row.phone() == null ? "" : row.phone()).append(',').append(row.gridCode()).append(',')
					.append(row.compound()).append(',').append(row.building()).append(',').append(row.entrance())
					.append(',').append(row.room()).append(',').append(String.join("|", row.tags())).append(',')
					.append(row.address()).append('\n');
			try {
				out.write(line.toString());
			}
			catch (IOException ex) {
				failure[0] = ex;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
	}

	static ImportRow resident(int i, ResidentialGrid grid, int household) {
		long j = i * STRIDE % SPACE;
		LocalDate birth = EPOCH.plusDays(j % 29_000);
		String first17 = ADDRESS_CODES[(int) (mix(i) % ADDRESS_CODES.length)] + birth.format(YMD)
				+ String.format("%03d", j / 29_000);
		IdNumber id = new IdNumber(first17 + IdNumber.checkCharacter(first17));
		long h = mix(i + 1_000_003L);
		String name = SURNAMES[(int) (h % SURNAMES.length)] + GIVEN[(int) (h / 31 % GIVEN.length)];
		String phone = h % 5 == 0 ? null
				: MOBILE_PREFIXES[(int) (h / 7 % MOBILE_PREFIXES.length)] + String.format("%08d", h / 1013 % 100_000_000);
		Set<String> tags = i % 97 == 0 ? Set.of(birth.getYear() < 1956 ? "ELDERLY_ALONE" : "LOW_INCOME")
				: i % 211 == 0 ? Set.of("DISABLED") : Set.of();
		if (grid.village() || grid.buildings().isEmpty()) {
			String village = grid.parentName().isEmpty() ? "村" : grid.parentName();
			String address = village + (household / 40 + 1) + "组" + (household % 40 + 1) + "号";
			return new ImportRow(0, grid.code(), name, id, phone, "", "", "", "", address, tags);
		}
		List<ResidentialGrid.Building> buildings = grid.buildings();
		ResidentialGrid.Building building = buildings.get(household % buildings.size());
		int floors = building.floors() > 0 ? building.floors() : 6;
		int slot = household / buildings.size();
		int entrance = slot % 2 + 1;
		int floor = slot / 2 % floors + 1;
		int door = slot / 2 / floors % 4 + 1;
		return new ImportRow(0, grid.code(), name, id, phone, building.compound(), building.name(), entrance + "单元",
				String.valueOf(floor * 100 + door), "", tags);
	}

	/** A cheap deterministic scramble (SplitMix64 finaliser), non-negative. */
	static long mix(long x) {
		long z = x + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return (z ^ (z >>> 31)) & Long.MAX_VALUE;
	}
}
