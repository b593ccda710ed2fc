package org.gridlink.jurisdiction;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Geometry;

/**
 * The fictional demo district 江滨区 (code 320819), sized to the reference district: 6 streets/towns, 87 urban
 * communities and 12 villages, 1,291 grids tiling the district without overlap, 56 units, 957 cadres, 1,291 grid
 * workers, a police grid per community and 40 property companies. Everything is computed, so every run is the same.
 * The plan is a lattice (street strips west to east, communities two abreast north to south, grids in rows), which
 * {@link DemoGeography} turns into a place: an irregular outline, grids as a Voronoi partition of their jittered
 * seeds clipped to it, communities and streets as unions of their grids.
 */
final class DemoDistrict {

	static final String DISTRICT = "320819000000";
	static final double WEST = 119.00;
	static final double EAST = 119.36;
	static final double NORTH = 33.80;
	static final double SOUTH = 33.50;
	static final int URBAN_COMMUNITIES = 87;
	static final int GRIDS = 1291;
	static final int CADRES = 957;

	static final String[] STREETS = { "城东街道", "城西街道", "城南街道", "城北街道", "河口镇", "柳湾镇" };
	static final String[] STREET_CODES = { "001", "002", "003", "004", "101", "102" };
	static final int[] COMMUNITIES_PER_STREET = { 22, 22, 22, 21, 6, 6 };

	static final String[] UNITS = { "区联动指挥中心", "区城市管理局", "区委办公室", "区政府办公室", "区发展和改革委员会", "区教育局",
			"区科学技术局", "区工业和信息化局", "公安分局", "区民政局", "区司法局", "区财政局", "区人力资源和社会保障局", "自然资源和规划分局",
			"区生态环境局", "区住房和城乡建设局", "区交通运输局", "区水利局", "区农业农村局", "区商务局", "区文化广电和旅游局", "区卫生健康委员会",
			"区退役军人事务局", "区应急管理局", "区审计局", "区市场监督管理局", "区统计局", "区医疗保障局", "区行政审批局", "区信访局", "区数据局",
			"区机关事务管理局", "区政务服务管理办公室", "区委组织部", "区委宣传部", "区委统战部", "区委政法委员会", "区纪委监委", "区委编办",
			"区委网信办", "区总工会", "团区委", "区妇联", "区残联", "区红十字会", "区科协", "区工商联", "区税务局", "区消防救援大队",
			"区人民法院", "区人民检察院", "区供电公司", "区自来水公司", "区燃气公司", "区住房保障中心", "区疾病预防控制中心" };

	private static final String[] COMMUNITY_STEMS = { "金桥", "翠柳", "新华", "东风", "和平", "幸福", "清河", "文昌", "春晖",
			"运河", "丰收", "朝阳", "民主", "光明", "柳园", "枫林", "育才", "长虹", "振兴", "康乐", "桃园", "荷花" };
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
			"朱", "高", "林", "何", "郭", "马", "罗" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "晓东", "海燕", "志强", "玉兰", "春梅" };
	private static final String[] COMPOUND_SUFFIXES = { "花园", "小区", "新村", "家园", "苑" };

	/**
	 * A node of the tree with its boundary as WKT (WGS 84, x = longitude, y = latitude) and a point inside it, where
	 * its label goes.
	 */
	record Node(String code, String name, String level, String kind, String parentCode, String wkt, double centreLat,
			double centreLng) {

		String prefix() {
			return org.gridlink.shared.JurisdictionCode.of(code).prefix();
		}

		Geometry boundary() {
			return Wkt.read(wkt);
		}
	}

	/** The whole tree, district first, each node with its boundary drawn now: see {@link DemoGeography}. */
	static List<Node> tree() {
		return DemoGeography.build(plans());
	}

	/**
	 * The same tree with the boundaries as drawn when the demo was built ({@code demo-district.tsv.gz}, which
	 * {@code DemoDistrictTest} checks against {@link #tree()}): what the loader stores, in milliseconds instead of
	 * the seconds the drawing takes.
	 */
	static List<Node> stored() {
		return DemoGeography.stored(plans());
	}

	/** The tree without boundaries, district excluded: streets, each followed by its communities and their grids. */
	static List<Plan> plans() {
		List<Plan> plans = new ArrayList<>();
		int[] gridsPerCommunity = gridsPerCommunity();
		int community = 0;
		for (int s = 0; s < STREETS.length; s++) {
			boolean town = STREET_CODES[s].startsWith("1");
			String streetCode = "320819" + STREET_CODES[s] + "000";
			plans.add(new Plan(streetCode, STREETS[s], "STREET", town ? "TOWN" : "STREET", DISTRICT, null));
			int n = COMMUNITIES_PER_STREET[s];
			int rows = (n + 1) / 2;
			for (int c = 0; c < n; c++) {
				String seq = String.format("%03d", town ? 201 + c : 1 + c);
				String communityCode = "320819" + STREET_CODES[s] + seq;
				String stem = COMMUNITY_STEMS[(c + s * 5) % COMMUNITY_STEMS.length];
				String name = town ? stem + "村" : stem + (c >= COMMUNITY_STEMS.length ? "二" : "") + "社区";
				plans.add(new Plan(communityCode, name, "COMMUNITY", town ? "VILLAGE" : "COMMUNITY", streetCode, null));
				// communities two abreast, north to south; an odd last one spans the strip
				int row = c / 2;
				boolean alone = c == n - 1 && n % 2 == 1;
				double west = alone || c % 2 == 0 ? x(s) : (x(s) + x(s + 1)) / 2;
				double east = alone || c % 2 == 1 ? x(s + 1) : (x(s) + x(s + 1)) / 2;
				double north = NORTH - (NORTH - SOUTH) * row / rows;
				double south = NORTH - (NORTH - SOUTH) * (row + 1) / rows;
				addGrids(plans, communityCode, name, gridsPerCommunity[community++], west, south, east, north);
			}
		}
		return plans;
	}

	/** A node before its boundary is drawn: grids carry their seed point (on the lattice, before the warp). */
	record Plan(String code, String name, String level, String kind, String parentCode, double[] seed) {
	}

	/** 13 grids per urban community (1,131) and 13 or 14 per village (160): 1,291 in all. */
	static int[] gridsPerCommunity() {
		int total = 0;
		for (int n : COMMUNITIES_PER_STREET) {
			total += n;
		}
		int[] grids = new int[total];
		for (int i = 0; i < total; i++) {
			grids[i] = i < URBAN_COMMUNITIES ? 13 : (i - URBAN_COMMUNITIES < 4 ? 14 : 13);
		}
		return grids;
	}

	/**
	 * Grid seeds in rows filling the community's cell of the lattice, numbered west to east, north to south; each
	 * seed moved by up to 30 % of its cell by a fixed pseudo-random draw, so the partition is irregular.
	 */
	private static void addGrids(List<Plan> plans, String communityCode, String communityName, int count, double west,
			double south, double east, double north) {
		double widthKm = (east - west) * 92.6; // a degree of longitude at 33.6° N is about 92.6 km
		double heightKm = (north - south) * 111.0;
		int rows = Math.max(1, (int) Math.round(Math.sqrt(count * heightKm / widthKm)));
		Random jitter = new Random(Long.parseLong(communityCode));
		int seq = 1;
		for (int row = 0; row < rows; row++) {
			int cells = count / rows + (row < count % rows ? 1 : 0);
			double top = north - (north - south) * row / rows;
			double bottom = north - (north - south) * (row + 1) / rows;
			for (int k = 0; k < cells; k++) {
				double w = west + (east - west) * k / cells;
				double e = west + (east - west) * (k + 1) / cells;
				double lng = (w + e) / 2 + (jitter.nextDouble() - 0.5) * 0.6 * (e - w);
				double lat = (top + bottom) / 2 + (jitter.nextDouble() - 0.5) * 0.6 * (top - bottom);
				String code = communityCode + String.format("%03d", seq);
				plans.add(new Plan(code, communityName + "第" + seq + "网格", "GRID", "GRID", communityCode,
						new double[] { lng, lat }));
				seq++;
			}
		}
	}

	static double x(int strip) {
		return strip == STREETS.length ? EAST : WEST + (EAST - WEST) * strip / STREETS.length;
	}

	/** A deterministic Chinese personal name for the i-th person. */
	static String personName(int i) {
		return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length]
				+ (i >= SURNAMES.length * GIVEN.length ? GIVEN[(i / 7) % GIVEN.length].substring(0, 1) : "");
	}

	static String compoundName(int i, String communityName) {
		String stem = communityName.replace("社区", "").replace("二", "");
		return stem + COMPOUND_SUFFIXES[i % COMPOUND_SUFFIXES.length] + (i / COMPOUND_SUFFIXES.length % 7 + 1) + "期";
	}
}
