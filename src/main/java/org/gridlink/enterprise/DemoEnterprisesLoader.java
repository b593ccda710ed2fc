package org.gridlink.enterprise;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's enterprise registry, in bulk (one transaction, batched inserts), only into an empty table: 600
 * enterprises (the first 80 of a shuffled order key enterprises) spread over every grid, each with a valid unified
 * social credit code, a Chinese name fitting its GB/T 4754 section, a size, an address, a sealed legal representative
 * and (most) a sealed contact phone; the demo liaison {@code liaison1} is assigned to the enterprises of the third
 * street (their scope), key ones among them. The appeals and support loaders (orders 81, 82) build on these.
 * Demo mode only; fixed seed.
 */
@DemoData
@Order(80)
class DemoEnterprisesLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoEnterprisesLoader.class);
	static final int COUNT = 600;
	static final int KEY = 80;
	static final String LIAISON = "liaison1";
	static final String LIAISON_STREET = "320819003";
	private static final long SEED = 20_020L;

	private static final String[] PLACES = { "金桥", "华新", "永安", "恒泰", "汇丰", "鑫源", "宏达", "瑞祥", "天成", "东升",
			"博远", "嘉禾", "盛世", "广达", "新润", "锦程", "宇通", "众诚", "和顺", "立信", "海川", "富华", "泰和", "兴旺",
			"德润", "安康", "佳美", "明辉", "长虹", "振华" };
	/** Per section A–T: words of names and the kind of company. */
	private static final String[][] WORDS = {
			{ "农业科技", "生态农场", "水产养殖", "苗木种植" }, { "矿业", "石材开采" },
			{ "精密机械", "电子科技", "纺织", "食品", "汽车零部件", "新材料", "服装", "包装材料", "塑胶制品", "医疗器械" },
			{ "热电", "燃气", "供水" }, { "建设工程", "建筑安装", "装饰工程", "市政工程" },
			{ "商贸", "超市", "五金机电", "医药连锁", "建材贸易", "日用百货" }, { "物流", "运输", "快递服务", "仓储" },
			{ "酒店管理", "餐饮管理", "大酒店", "快餐" }, { "信息技术", "软件", "网络科技", "数据服务" },
			{ "小额贷款", "融资担保" }, { "房地产开发", "物业管理", "置业" }, { "企业管理咨询", "人力资源", "广告传媒", "会务服务" },
			{ "检测技术", "工程设计", "环境科技" }, { "环保工程", "园林绿化", "水务" }, { "家政服务", "汽车维修", "洗衣", "美容美发" },
			{ "培训学校", "教育科技" }, { "诊所", "养老服务", "康复医疗" }, { "文化传媒", "体育健身", "影城" },
			{ "社会服务中心" }, { "代表处" } };
	/** How often each section occurs (weights), manufacturing and trade most. */
	private static final int[] WEIGHT = { 3, 1, 30, 1, 8, 20, 6, 8, 6, 1, 3, 6, 3, 2, 6, 2, 3, 2, 0, 0 };
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "林", "罗", "高", "沈", "钱", "顾", "陆" };
	private static final String[] GIVEN = { "伟", "建华", "国强", "明", "志刚", "海峰", "丽", "晓东", "永红", "建国", "俊",
			"秀兰", "斌", "文杰", "玉梅", "春生", "卫东", "立新", "慧", "振宇" };
	private static final String[] ROADS = { "长江路", "黄河路", "人民路", "建设路", "工业大道", "创业路", "科技园路", "开发区大道",
			"新华路", "园区一路", "园区二路", "滨河路" };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	DemoEnterprisesLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			Accounts accounts, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.accounts = accounts;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		Integer loaded = transactions.execute(tx -> load());
		if (loaded != null && loaded > 0) {
			LOG.info("Demo enterprises: {} loaded in {} ms", loaded, (System.nanoTime() - start) / 1_000_000);
		}
	}

	/** The credit code of the i-th demo enterprise: 91 (92 for a micro business), the district, MA, 7 characters. */
	static String creditCode(int i, boolean micro) {
		StringBuilder body = new StringBuilder();
		long n = 1_000_003L + i * 7_919L;
		for (int k = 0; k < 7; k++) {
			body.append(CreditCode.ALPHABET.charAt((int) (n % 31)));
			n /= 31;
		}
		String first17 = (micro ? "92" : "91") + "320819" + "MA" + body.reverse();
		return first17 + CreditCode.checkCharacter(first17);
	}

	private int load() {
		if (jdbc.queryForObject("SELECT COUNT(*) FROM enterprise", Long.class) > 0) {
			return 0;
		}
		List<ResidentialGrid> grids = jurisdictions.residentialGrids();
		if (grids.isEmpty()) {
			return 0;
		}
		Random random = new Random(SEED);
		Timestamp now = Timestamp.from(clock.instant());
		int weights = 0;
		for (int w : WEIGHT) {
			weights += w;
		}
		// which of the 600 are key: a shuffled order, the first 80
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			order.add(i);
		}
		java.util.Collections.shuffle(order, random);
		boolean[] key = new boolean[COUNT];
		for (int i = 0; i < KEY; i++) {
			key[order.get(i)] = true;
		}
		List<Object[]> rows = new ArrayList<>(COUNT);
		List<String> codes = new ArrayList<>(COUNT);
		java.util.Set<String> names = new java.util.HashSet<>();
		for (int i = 0; i < COUNT; i++) {
			ResidentialGrid grid = grids.get(i % grids.size());
			int pick = random.nextInt(weights);
			int section = 0;
			while (pick >= WEIGHT[section]) {
				pick -= WEIGHT[section];
				section++;
			}
			String industry = String.valueOf((char) ('A' + section));
			String size = key[i] ? (random.nextInt(3) == 0 ? "LARGE" : "MEDIUM")
					: switch (random.nextInt(10)) {
						case 0 -> "MEDIUM";
						case 1, 2, 3, 4 -> "SMALL";
						default -> "MICRO";
					};
			String word = WORDS[section][random.nextInt(WORDS[section].length)];
			String name;
			do {
				String place = PLACES[random.nextInt(PLACES.length)];
				String area = random.nextBoolean() ? "苏州" : grid.parentName().replace("社区", "").replace("村", "");
				name = area + place + word + (word.endsWith("酒店") || word.endsWith("超市") || word.endsWith("中心")
						|| word.endsWith("处") || word.endsWith("诊所") || word.endsWith("学校") || word.endsWith("影城")
								? "" : (random.nextInt(5) == 0 ? "股份有限公司" : "有限公司"));
			}
			while (!names.add(name));
			String person = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			String phone = random.nextInt(20) == 0 ? null
					: (random.nextBoolean() ? "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000))
							: "0512" + String.format("%08d", 60_000_000 + random.nextInt(9_999_999)));
			String address = grid.parentName() + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(388)) + "号";
			String code = creditCode(i, "MICRO".equals(size) && random.nextBoolean());
			codes.add(code);
			rows.add(new Object[] { code, name, cipher.encrypt(person), Masked.name(person), industry, size, address,
					grid.code(), key[i], phone == null ? null : cipher.encrypt(phone),
					phone == null ? null : Masked.phone(phone), now, "demo" });
		}
		jdbc.batchUpdate("""
				INSERT INTO enterprise (credit_code, name, legal_rep_sealed, legal_rep_masked, industry, size, address,
				grid_code, key_enterprise, contact_phone_sealed, contact_phone_masked, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		accounts.find(LIAISON).ifPresent(liaison -> {
			// every enterprise of the liaison's street but a few, key ones among them
			List<Long> ids = jdbc.queryForList("SELECT id FROM enterprise WHERE grid_code LIKE ? ORDER BY id",
					Long.class, LIAISON_STREET + "%");
			List<Object[]> links = new ArrayList<>();
			for (int k = 0; k < ids.size(); k++) {
				if (k % 6 != 5) {
					links.add(new Object[] { ids.get(k), liaison.id(), now, "demo" });
				}
			}
			jdbc.batchUpdate("INSERT INTO enterprise_liaison (enterprise_id, account_id, assigned_at, assigned_by)"
					+ " VALUES (?, ?, ?, ?)", links);
		});
		return rows.size();
	}
}
