package org.gridlink.answers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridlink.platform.DemoData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few published answers of the demo district's center (one transaction, only into an empty table), so the public
 * page has something to show. Demo mode only ({@code @DemoData}).
 */
@DemoData
@Order(40)
class DemoAnswersLoader implements ApplicationRunner {

	static final String DISTRICT = "320819";

	record Demo(String question, String answer, String source, int daysAgo, AnswerTheme theme) {
	}

	static final List<Demo> ANSWERS = List.of(
			new Demo("居家隔离期间生活垃圾如何处理？", "居家隔离人员的生活垃圾由社区安排专人每日上门收运，请将垃圾装袋扎紧后放在门口指定位置，不要自行投放到公共垃圾桶。",
					"区卫生健康委员会", 1, AnswerTheme.EPIDEMIC),
			new Demo("小区路灯不亮该找谁？", "公共道路和小区公共区域的路灯故障，可通过\u201c随手拍\u201d上报或拨打 12345，由区城市管理局或物业公司在规定时限内维修。",
					"区城市管理局", 2, AnswerTheme.CITY),
			new Demo("老年人乘坐公交有哪些优惠？", "年满 65 周岁的本区户籍老年人凭老年优待证可免费乘坐区内公交线路，办理地点为各街道便民服务中心。",
					"区交通运输局", 3, AnswerTheme.TRAFFIC),
			new Demo("独居老人可以申请哪些上门服务？", "社区为独居老人提供定期探访、助餐和紧急呼叫服务，可向所在社区居委会申请，网格员会登记需求并安排。",
					"区民政局", 4, AnswerTheme.LIVELIHOOD));

	private final JdbcClient jdbc;
	private final Clock clock;

	DemoAnswersLoader(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM public_answer").query(Long.class).single() > 0) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (Demo d : ANSWERS) {
			OffsetDateTime at = now.minusDays(d.daysAgo());
			jdbc.sql("""
					INSERT INTO public_answer (district_code, question, answer, source, answer_date, theme, status,
					created_by, created_at, published_at) VALUES (?, ?, ?, ?, ?, ?, 'PUBLISHED', 'center', ?, ?)""")
					.params(DISTRICT, d.question(), d.answer(), d.source(), LocalDate.now(clock).minusDays(d.daysAgo()),
							d.theme().name(), at, at)
					.update();
		}
	}
}
