package org.ceprint.demo.internal;

import java.util.List;

/**
 * The demonstration province: Jiangxi's issuing channels with real county codes (GB/T
 * 2260), how many professionals each has, and the kinds of unit they work in.
 */
public final class DemoProvince {

	/**
	 * An issuing channel, its county codes (the first is where its units are registered),
	 * its share of the province's professionals and its place name for unit names.
	 */
	public record City(String code, String place, int weight, List<String> counties) {

	}

	public static final List<City> CITIES = List.of(new City("360000", "江西省", 8, List.of("360102", "360103")),
			new City("360100", "南昌市", 20, List.of("360102", "360103", "360104", "360111", "360121")),
			new City("360200", "景德镇市", 4, List.of("360202", "360203", "360281")),
			new City("360300", "萍乡市", 4, List.of("360302", "360321")),
			new City("360400", "九江市", 9, List.of("360402", "360403", "360481")),
			new City("360500", "新余市", 3, List.of("360502", "360521")),
			new City("360600", "鹰潭市", 3, List.of("360602", "360681")),
			new City("360700", "赣州市", 15, List.of("360702", "360703", "360781")),
			new City("360800", "吉安市", 8, List.of("360802", "360803", "360881")),
			new City("360900", "宜春市", 9, List.of("360902", "360981")),
			new City("361000", "抚州市", 7, List.of("361002", "361021")),
			new City("361100", "上饶市", 10, List.of("361102", "361181")));

	/** Birthplaces outside Jiangxi: people move. */
	static final List<String> OTHER_PROVINCE_COUNTIES = List.of("110105", "430102", "350102", "440106", "330106",
			"420106", "340104");

	/**
	 * A kind of unit: how it is named, its organisation type in the credit code, its
	 * supervising department, and the titles, specialties and professional courses of its
	 * people.
	 */
	public record UnitKind(String nameFormat, String creditPrefix, String department, List<String> seniorTitles,
			List<String> intermediateTitles, List<String> juniorTitles, List<String> specialties,
			List<String> courses) {

	}

	public static final List<UnitKind> UNIT_KINDS = List.of(
			new UnitKind("%s第%s人民医院", "12", "卫生健康委员会", List.of("主任医师", "副主任医师", "主任护师"),
					List.of("主治医师", "主管护师", "主管药师"), List.of("医师", "护师", "药师"), List.of("临床医学", "护理学", "药学", "医学影像"),
					List.of("急危重症救治新进展", "医院感染防控规范", "合理用药与处方点评", "临床路径管理实务")),
			new UnitKind("%s第%s中学", "12", "教育局", List.of("中学高级教师", "正高级教师"), List.of("中学一级教师"), List.of("中学二级教师"),
					List.of("数学", "语文", "物理", "英语"), List.of("新课标背景下的教学设计", "信息技术与学科教学融合", "初高中衔接教学研究", "班主任工作专题")),
			new UnitKind("%s建筑设计研究院第%s分院", "91", "住房和城乡建设局", List.of("高级工程师", "正高级工程师"), List.of("工程师"),
					List.of("助理工程师"), List.of("建筑设计", "结构工程", "给排水", "岩土工程"),
					List.of("装配式建筑设计规范解读", "BIM 技术在设计中的应用", "绿色建筑评价标准", "建筑抗震设计新规范")),
			new UnitKind("%s第%s机械制造有限公司", "91", "工业和信息化局", List.of("高级工程师", "高级会计师"), List.of("工程师", "会计师"),
					List.of("助理工程师", "助理会计师"), List.of("机械工程", "电气自动化", "财务管理"),
					List.of("智能制造与工业互联网", "企业财务内控实务", "质量管理体系与可靠性", "安全生产标准化")),
			new UnitKind("%s第%s农业技术推广站", "12", "农业农村局", List.of("推广研究员", "高级农艺师"), List.of("农艺师"), List.of("助理农艺师"),
					List.of("作物栽培", "植物保护", "土壤肥料"), List.of("水稻绿色高产栽培技术", "病虫害统防统治", "高标准农田建设", "数字农业应用")));

	static final List<String> PUBLIC_COURSES = List.of("数字经济与创新驱动发展", "专业技术人员职业道德与诚信建设", "人工智能与新质生产力", "法治政府建设专题",
			"专业技术人员心理健康与压力管理", "乡村振兴战略专题");

	public static final List<String> BASE_HOSTS = List.of("南昌大学", "江西师范大学", "江西财经大学", "华东交通大学", "江西理工大学", "井冈山大学",
			"宜春学院", "上饶师范学院", "九江学院", "赣南师范大学", "景德镇陶瓷大学", "东华理工大学");

	static final List<String> CLERKS = List.of("刘红", "陈志刚", "王静", "李建华", "张敏", "黄晓东");

	private static final String DIGITS = "零一二三四五六七八九";

	private DemoProvince() {
	}

	/** 1 → 一, 12 → 十二, 35 → 三十五: how unit names number themselves. */
	public static String chineseNumeral(int n) {
		if (n < 10) {
			return String.valueOf(DIGITS.charAt(n));
		}
		String tens = (n / 10 == 1) ? "十" : DIGITS.charAt(n / 10) + "十";
		return (n % 10 == 0) ? tens : tens + DIGITS.charAt(n % 10);
	}

	public static String departmentName(City city, UnitKind kind) {
		return city.place() + kind.department();
	}

}
