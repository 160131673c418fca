package org.ceprint.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ceprint.demo.internal.DemoProvince.UnitKind;
import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.LearningForm;
import org.ceprint.registry.NewRecords.NewEntry;
import org.ceprint.registry.SubjectType;

/**
 * A person's registration entries of several years, of every learning form. Years before
 * the reference year are verified by the registering body's HRSS office; the reference
 * year's entries are pending, a few rejected.
 */
final class DemoEntries {

	private static final LearningForm[] FORMS = { LearningForm.TRAINING, LearningForm.TRAINING, LearningForm.TRAINING,
			LearningForm.CONFERENCE, LearningForm.EXAM, LearningForm.SECONDMENT, LearningForm.SELF_STUDY,
			LearningForm.DEGREE, LearningForm.DISTANCE, LearningForm.DISTANCE, LearningForm.ACHIEVEMENT };

	private static final List<String> REJECTIONS = List.of("学时超出《学时登记标准》的认定上限", "缺少培训证明材料", "与已验证的登记重复");

	/**
	 * The registering bodies of one person: their unit, and a base of their city for
	 * courses.
	 */
	record Bodies(String unitCreditCode, String unitChannel, String baseCreditCode, String baseChannel) {

	}

	private DemoEntries() {
	}

	static List<NewEntry> of(Random random, String idNumber, UnitKind kind, String specialty, Bodies bodies,
			int fromYear, LocalDate asOf) {
		List<NewEntry> entries = new ArrayList<>();
		for (int year = fromYear; year <= asOf.getYear(); year++) {
			int count = 1 + random.nextInt(4);
			for (int i = 0; i < count; i++) {
				NewEntry entry = entry(random, idNumber, kind, specialty, bodies, year, asOf);
				if (entry != null) {
					entries.add(entry);
				}
			}
		}
		return entries;
	}

	private static NewEntry entry(Random random, String idNumber, UnitKind kind, String specialty, Bodies bodies,
			int year, LocalDate asOf) {
		LearningForm form = FORMS[random.nextInt(FORMS.length)];
		boolean isPublic = (form == LearningForm.TRAINING || form == LearningForm.DISTANCE) && random.nextBoolean();
		LocalDate lastDay = LocalDate.of(year, 12, 31).isBefore(asOf) ? LocalDate.of(year, 12, 31) : asOf.minusDays(1);
		LocalDate firstDay = LocalDate.of(year, 1, 5);
		if (lastDay.isBefore(firstDay)) {
			return null;
		}
		LocalDate start = firstDay.plusDays(random.nextInt((int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1));
		int days = switch (form) {
			case TRAINING -> 1 + random.nextInt(5);
			case CONFERENCE -> 1 + random.nextInt(3);
			case SECONDMENT -> 10 + random.nextInt(50);
			case SELF_STUDY -> 30 + random.nextInt(60);
			case DEGREE -> 120 + random.nextInt(100);
			case DISTANCE -> 7 + random.nextInt(24);
			case EXAM, ACHIEVEMENT -> 1;
		};
		LocalDate end = start.plusDays(days - 1).isAfter(lastDay) ? lastDay : start.plusDays(days - 1);
		BigDecimal hours = BigDecimal.valueOf(switch (form) {
			case TRAINING -> 8 * (int) (end.toEpochDay() - start.toEpochDay() + 1);
			case CONFERENCE -> 8 * (1 + random.nextInt(3));
			case EXAM -> 40;
			case SECONDMENT -> 40 + 8 * random.nextInt(10);
			case SELF_STUDY -> 10 + random.nextInt(11);
			case DEGREE -> 72;
			case DISTANCE -> 8 + random.nextInt(23);
			case ACHIEVEMENT -> 10 + 5 * random.nextInt(7);
		});
		String course = isPublic ? DemoProvince.PUBLIC_COURSES.get(random.nextInt(DemoProvince.PUBLIC_COURSES.size()))
				: kind.courses().get(random.nextInt(kind.courses().size()));
		String project = switch (form) {
			case TRAINING -> (isPublic ? "公需科目：" : "") + course + "培训班";
			case CONFERENCE -> year + "年江西省" + specialty + "学术年会";
			case EXAM -> specialty + "专业技术资格考试";
			case SECONDMENT -> "赴省级单位进修（" + specialty + "）";
			case SELF_STUDY -> course + "（有计划自学）";
			case DEGREE -> specialty + "在职研究生课程学习";
			case DISTANCE -> (isPublic ? "公需科目：" : "") + course + "网络课程";
			case ACHIEVEMENT -> random.nextBoolean() ? "发表专业论文" : "获得实用新型专利";
		};
		String content = switch (form) {
			case CONFERENCE -> "学术交流与专题报告";
			case EXAM -> "全国统一考试";
			case ACHIEVEMENT -> "业绩成果折算学时";
			default -> course;
		};
		String result = switch (form) {
			case EXAM -> "合格";
			case TRAINING, DISTANCE -> random.nextInt(4) == 0 ? "优秀" : "合格";
			case DEGREE -> (75 + random.nextInt(20)) + " 分";
			default -> "合格";
		};
		String outcome = switch (form) {
			case ACHIEVEMENT -> project.startsWith("发表") ? "论文发表于省级期刊" : "专利授权一项";
			case CONFERENCE -> random.nextBoolean() ? "提交交流论文一篇" : null;
			case TRAINING -> "结业证书";
			default -> null;
		};
		boolean atBase = form == LearningForm.TRAINING;
		String body = atBase ? bodies.baseCreditCode() : bodies.unitCreditCode();
		String channel = atBase ? bodies.baseChannel() : bodies.unitChannel();
		LocalDateTime registeredAt = atMost(end.plusDays(1 + random.nextInt(7)), asOf).atTime(9, 30);
		if (year < asOf.getYear()) {
			// a body submits a year's entries together and the office verifies them in
			// one go
			LocalDate submitted = LocalDate.of(year + 1, 1, 8 + Math.floorMod(body.hashCode(), 20));
			LocalDate verifiedOn = submitted.isAfter(end.plusDays(10)) ? submitted : end.plusDays(10);
			LocalDateTime verifiedAt = atMost(verifiedOn, asOf).atTime(15, 0);
			return new NewEntry(idNumber, project, content, form,
					isPublic ? SubjectType.PUBLIC : SubjectType.PROFESSIONAL, start, end, hours, result, outcome, body,
					registeredAt, EntryStatus.VERIFIED, channel,
					DemoProvince.CLERKS.get(random.nextInt(DemoProvince.CLERKS.size())), verifiedAt, null);
		}
		boolean rejected = random.nextInt(20) == 0;
		return new NewEntry(idNumber, project, content, form, isPublic ? SubjectType.PUBLIC : SubjectType.PROFESSIONAL,
				start, end, hours, result, outcome, body, registeredAt,
				rejected ? EntryStatus.REJECTED : EntryStatus.PENDING, null, null, null,
				rejected ? REJECTIONS.get(random.nextInt(REJECTIONS.size())) : null);
	}

	private static LocalDate atMost(LocalDate date, LocalDate limit) {
		return date.isAfter(limit) ? limit : date;
	}

}
